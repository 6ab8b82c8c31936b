using System.Diagnostics;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Runs a search through the engine and writes the real server's envelope.</summary>
internal static class SearchResponder
{
    public static readonly string[] ProcessFacets = ["process_md5", "hostname", "group", "path_full", "parent_name", "process_name", "host_type", "hour_of_day", "day_of_week", "start"];
    public static readonly string[] BinaryFacets = ["product_name_facet", "file_version_facet", "company_name_facet", "digsig_publisher_facet", "observed_filename_facet", "digsig_result", "digsig_sign_time", "server_added_timestamp"];

    /// <summary>Searches and renders; a malformed query becomes 400 <c>query_malformed_syntax</c>.</summary>
    public static IResult Respond(
        EmulatorState state,
        SearchParameters parameters,
        Func<ISearchIndex> index,
        string[] defaultFacets,
        Func<int, JsonObject> render,
        Action<JsonObject>? extend = null)
    {
        var started = Stopwatch.GetTimestamp();
        var request = parameters.ToRequest();
        if (parameters.WantsDefaultFacets)
        {
            request = request with { FacetFields = defaultFacets };
        }

        lock (state.Gate)
        {
            SearchResult result;
            try
            {
                result = index().Search(request);
            }
            catch (SearchSyntaxException e)
            {
                return Http.Json(new JsonObject { ["reason"] = "query_malformed_syntax", ["message"] = e.Message }, 400);
            }

            var envelope = new JsonObject
            {
                ["results"] = new JsonArray([.. result.Page.Select(o => (JsonNode)render(o))]),
                ["total_results"] = result.TotalResults,
                ["start"] = request.Start,
                ["elapsed"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 4),
                ["terms"] = new JsonArray([.. result.Terms.Select(t => (JsonNode)JsonValue.Create(t))]),
                ["facets"] = Facets(result),
                ["highlights"] = new JsonArray(),
            };
            extend?.Invoke(envelope);
            return Http.Json(envelope);
        }
    }

    /// <summary>Facet buckets with percent = value/max·100 and ratio = value/sum·100.</summary>
    private static JsonObject Facets(SearchResult result)
    {
        var json = new JsonObject();
        foreach (var (field, buckets) in result.Facets)
        {
            var max = buckets.Count == 0 ? 1 : Math.Max(1, buckets.Max(b => b.Count));
            var sum = Math.Max(1, buckets.Sum(b => b.Count));
            json[field] = new JsonArray([.. buckets.Select(b => (JsonNode)new JsonObject
            {
                ["name"] = b.Name,
                ["value"] = b.Count,
                ["percent"] = (int)Math.Round(b.Count * 100.0 / max),
                ["ratio"] = Math.Round(b.Count * 100.0 / sum, 1),
            })]);
        }

        return json;
    }
}
