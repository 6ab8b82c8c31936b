using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// Process search, summaries (v1 and v2; segment 0, 1 or the real segment id), events for API versions 1–4,
/// segments, preview, host counts.
/// </summary>
internal static class ProcessEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapMethods("/api/v1/process", ["GET", "POST"], async (HttpRequest request) =>
        {
            var parameters = await SearchParameters.ReadAsync(request);
            return SearchResponder.Respond(state, parameters, () => state.ProcessIndex, SearchResponder.ProcessFacets,
                ordinal => ProcessJson.Document(state, state.Processes[ordinal]),
                envelope =>
                {
                    envelope["tagged_pids"] = new JsonObject();
                    envelope["filtered"] = new JsonObject();
                    if (state.IsVersion6OrLater)
                    {
                        envelope["comprehensive_search"] = parameters.GetBool("cb.comprehensive_search") || parameters.GetBool("comprehensive_search");
                        envelope["all_segments"] = !string.Equals(parameters.Get("cb.group"), "id", StringComparison.OrdinalIgnoreCase);
                        envelope["incomplete_results"] = false;
                    }
                });
        });

        app.MapGet("/api/v1/process/host/count", (HttpRequest request) =>
        {
            var md5 = request.Query["md5"].ToString();
            lock (state.Gate)
            {
                var matching = state.Processes.Where(p => string.Equals(p.Md5, md5, StringComparison.OrdinalIgnoreCase)).ToList();
                return Http.Json(new JsonObject
                {
                    ["hostCount"] = matching.Select(p => p.SensorId).Distinct().Count(),
                    ["globalCount"] = matching.Count,
                    ["numDocs"] = state.Processes.Count,
                    ["md5"] = md5.ToLowerInvariant(),
                });
            }
        });

        app.MapGet("/api/v1/process/{id}/segment", (string id) => WithProcess(state, id, null, process => new JsonObject
        {
            ["process"] = new JsonObject
            {
                ["id"] = process.Id,
                ["segments"] = new JsonArray([.. state.Segments(process).Select(segment => (JsonNode)new JsonObject
                {
                    ["unique_id"] = process.Id + "-" + state.SegmentHex(segment.Id),
                    ["segment_id"] = segment.Id,
                    ["start"] = process.Start is { } start ? CbTime.Solr(start) : null,
                    ["last_update"] = CbTime.Solr(segment.Through ?? process.LastUpdate),
                })]),
            },
        }));

        foreach (var version in new[] { "v1", "v2" })
        {
            app.MapGet("/api/" + version + "/process/{id}/{segment}", (string id, string segment, HttpRequest request) =>
            {
                var children = int.TryParse(request.Query["children"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Max(0, n) : 15;
                return WithProcess(state, id, segment, process => ProcessJson.Summary(state, process, children));
            });
        }

        for (var apiVersion = 1; apiVersion <= 4; apiVersion++)
        {
            var eventVersion = apiVersion;
            app.MapGet("/api/v" + apiVersion + "/process/{id}/{segment}/event", (string id, string segment) =>
                WithProcess(state, id, segment, process => ProcessJson.Events(state, process, eventVersion, OneSegment(state, process, segment))));
        }

        app.MapGet("/api/v1/process/{id}/{segment}/preview", (string id, string segment, HttpRequest request) =>
            WithProcess(state, id, segment, process => Preview(state, process, request.Query["q"].ToString())));

        app.MapGet("/api/v1/process/{id}/{segment}/report", (string id, string segment) =>
        {
            lock (state.Gate)
            {
                var process = Find(state, id, segment);
                return process is null
                    ? Http.NotFound("Process " + id)
                    : Results.File(System.Text.Encoding.UTF8.GetBytes(ProcessJson.Events(state, process, 4).ToJsonString()), "application/octet-stream", process.Id + ".json");
            }
        });

        app.MapGet("/api/v1/process/{id}/{segment}/threat_intel_hits", (string id, string segment) =>
            state.Options.ThreatIntelSharing
                ? WithProcess(state, id, segment, process => ThreatIntelHitJson.Hits(state, process))
                : Http.Error(500, "internal_error", "Unable to query threat intel: alliance sharing is not configured"));
    }

    /// <summary>
    /// Finds a process by GUID (or unique id) and segment. Segment 0 means the whole process (6.x) and 1 the first
    /// segment (5.x); the ids of the process's segments work too. Anything else is 404.
    /// </summary>
    public static ProcessRecord? Find(EmulatorState state, string id, string? segment)
    {
        var guid = id.Length > 36 ? id[..36] : id;
        var process = state.FindProcess(guid);
        if (process is null || segment is null)
        {
            return process;
        }

        if (!long.TryParse(segment, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return value == 0 || value == 1 || state.Segments(process).Any(s => s.Id == value) ? process : null;
    }

    /// <summary>
    /// The segment a request names when the process has several (its events only); null for the whole process
    /// (segment 0 or 1, or a process of one segment).
    /// </summary>
    private static ProcessSegment? OneSegment(EmulatorState state, ProcessRecord process, string segment)
    {
        var segments = state.Segments(process);
        return segments.Count > 1 && long.TryParse(segment, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? segments.FirstOrDefault(s => s.Id == value)
            : null;
    }

    private static IResult WithProcess(EmulatorState state, string id, string? segment, Func<ProcessRecord, JsonNode> render)
    {
        lock (state.Gate)
        {
            var process = Find(state, id, segment);
            return process is null ? Http.NotFound("Process " + id + (segment is null ? "" : "/" + segment)) : Http.Json(render(process));
        }
    }

    /// <summary>A flat process with a few events; matched text is wrapped in PREPREPRE…POSTPOSTPOST.</summary>
    private static JsonObject Preview(EmulatorState state, ProcessRecord process, string query)
    {
        var events = ProcessJson.Events(state, process, 1)["process"]!.AsObject();
        var preview = ProcessJson.Document(state, process);
        var words = query.Split([' ', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && !w.Contains('_', StringComparison.Ordinal)).ToArray();
        foreach (var list in new[] { "filemod_complete", "modload_complete", "regmod_complete", "netconn_complete", "childproc_complete", "crossproc_complete" })
        {
            var items = events[list]!.AsArray().Take(10).Select(item => (JsonNode)JsonValue.Create(Highlight(item!.ToString(), words)));
            preview[list] = new JsonArray([.. items]);
        }

        return preview;
    }

    private static string Highlight(string text, string[] words)
    {
        foreach (var word in words)
        {
            var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return text[..at] + "PREPREPRE" + text.Substring(at, word.Length) + "POSTPOSTPOST" + text[(at + word.Length)..];
            }
        }

        return text;
    }
}
