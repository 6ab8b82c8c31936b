using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// The parameters of a search, from a GET query string or a POST JSON body whose values are scalars or lists.
/// Parameters may repeat and come in any order.
/// </summary>
internal sealed class SearchParameters
{
    private readonly List<KeyValuePair<string, string>> values;

    private SearchParameters(List<KeyValuePair<string, string>> values) => this.values = values;

    public static async Task<SearchParameters> ReadAsync(HttpRequest request)
    {
        var list = request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))).ToList();
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is not 0)
        {
            if (await Http.ReadObjectAsync(request) is { } body)
            {
                foreach (var (key, node) in body)
                {
                    if (node is JsonArray array)
                    {
                        list.AddRange(array.Select(item => KeyValuePair.Create(key, Http.AsString(item) ?? "")));
                    }
                    else if (node is not null)
                    {
                        list.Add(KeyValuePair.Create(key, Http.AsString(node) ?? ""));
                    }
                }
            }
        }

        return new SearchParameters(list);
    }

    /// <summary>Parameters from a stored URL query string (a watchlist's search_query); '+' is a space.</summary>
    public static SearchParameters FromQueryString(string queryString) =>
        new([.. Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString.StartsWith('?') ? queryString : "?" + queryString)
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? "")))]);

    public string? Get(string key) => values.LastOrDefault(v => v.Key == key).Value;

    public IEnumerable<string> GetAll(string key) => values.Where(v => v.Key == key).Select(v => v.Value);

    public int GetInt(string key, int fallback) =>
        int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public bool GetBool(string key) => string.Equals(Get(key), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Builds the engine's request. <paramref name="defaultRows"/> is 10 on the real server.</summary>
    public SearchRequest ToRequest(int defaultRows = 10)
    {
        var clauses = values.Where(v => v.Key.StartsWith("cb.q.", StringComparison.Ordinal))
            .Select(v => KeyValuePair.Create(v.Key[5..], v.Value)).ToList();
        AddBound(clauses, "cb.min_last_update", "last_update", lower: true);
        AddBound(clauses, "cb.max_last_update", "last_update", lower: false);
        AddBound(clauses, "cb.min_last_server_update", "last_server_update", lower: true);
        AddBound(clauses, "cb.max_last_server_update", "last_server_update", lower: false);
        var filters = values.Where(v => v.Key.StartsWith("cb.fq.", StringComparison.Ordinal))
            .Select(v => KeyValuePair.Create(v.Key[6..], v.Value)).ToList();
        var facets = GetBool("facet")
            ? GetAll("facet.field").SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList()
            : [];
        return new SearchRequest(
            Get("q") ?? "",
            clauses,
            filters,
            Math.Max(0, GetInt("start", 0)),
            Math.Max(0, GetInt("rows", defaultRows)),
            string.IsNullOrWhiteSpace(Get("sort")) ? null : Get("sort"),
            facets,
            string.Equals(Get("cb.group"), "id", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the client asked for facets without naming fields (the kind's default facet list applies).</summary>
    public bool WantsDefaultFacets => GetBool("facet") && !GetAll("facet.field").Any();

    private void AddBound(List<KeyValuePair<string, string>> clauses, string parameter, string field, bool lower)
    {
        if (Get(parameter) is { Length: > 0 } bound)
        {
            clauses.Add(KeyValuePair.Create(field, lower ? "[" + bound + " TO *]" : "[* TO " + bound + "]"));
        }
    }
}
