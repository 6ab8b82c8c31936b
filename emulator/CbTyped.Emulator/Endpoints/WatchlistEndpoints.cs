using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// Watchlists and their actions. A POST is answered only with <c>{"id": n}</c>; the stored
/// <c>search_query</c> is re-serialised the way a real server was seen doing it (spaces as %20, <c>sort</c> dropped).
/// Enabled watchlists run at once: matches get <c>watchlist_&lt;id&gt;</c> tags and, with an alert action, alerts.
/// </summary>
internal static class WatchlistEndpoints
{
    private const int MaxTagged = 10_000;

    /// <summary>Documents per <c>watchlist.hit.*</c> message (recorded server messages carry 1 to 100).</summary>
    private const int DocsPerHit = 100;

    private static readonly HashSet<string> KnownFields =
    [
        "id", "name", "search_query", "index_type", "enabled", "readonly", "description", "date_added", "last_hit",
        "last_hit_count", "total_hits", "total_tags", "search_timestamp", "group_id", "alliance_id", "from_alliance", "query",
    ];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/v1/watchlist", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.Watchlists.Values.Select(w => (JsonNode)AdminJson.Watchlist(w))]));
            }
        });

        app.MapGet("/api/v1/watchlist/{id}", (string id) => WithWatchlist(state, id, w => Http.Json(AdminJson.Watchlist(w))));

        app.MapPost("/api/v1/watchlist", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null || Http.AsString(body["name"]) is not { Length: > 0 } name)
            {
                return Http.BadRequest("A watchlist needs a name");
            }

            if (Http.AsString(body["search_query"]) is not { Length: > 0 } query)
            {
                return Http.BadRequest("A watchlist needs a search_query");
            }

            var indexType = Http.AsString(body["index_type"]) ?? "events";
            if (indexType is not ("events" or "modules"))
            {
                return Http.BadRequest("index_type must be 'events' or 'modules'");
            }

            lock (state.Gate)
            {
                var watchlist = new Watchlist
                {
                    Id = state.NextWatchlistId++,
                    Name = name,
                    IndexType = indexType,
                    SearchQuery = Normalise(query),
                    DateAdded = state.Now,
                    Description = Http.AsString(body["description"]),
                    ReadOnly = Http.AsBool(body["readonly"]) ?? false,
                    Enabled = Http.AsBool(body["enabled"]) ?? true,
                };
                if (!TryRun(state, watchlist, out var error))
                {
                    state.NextWatchlistId--;
                    return error;
                }

                state.Watchlists[watchlist.Id] = watchlist;
                return Http.Id(watchlist.Id);
            }
        });

        app.MapPut("/api/v1/watchlist/{id}", async (string id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            return WithWatchlist(state, id, watchlist =>
            {
                if (body is null)
                {
                    return Http.BadRequest("The body must be a JSON object");
                }

                if (body.Select(p => p.Key).FirstOrDefault(k => !KnownFields.Contains(k)) is { } unknown)
                {
                    return Http.Error(500, "server_error", "Unexpected field '" + unknown + "'");
                }

                watchlist.Name = Http.AsString(body["name"]) ?? watchlist.Name;
                watchlist.SearchQuery = Http.AsString(body["search_query"]) is { Length: > 0 } q ? Normalise(q) : watchlist.SearchQuery;
                watchlist.IndexType = Http.AsString(body["index_type"]) ?? watchlist.IndexType;
                watchlist.Enabled = Http.AsBool(body["enabled"]) ?? watchlist.Enabled;
                watchlist.ReadOnly = Http.AsBool(body["readonly"]) ?? watchlist.ReadOnly;
                watchlist.GroupId = Http.AsInt(body["group_id"]) ?? watchlist.GroupId;
                if (body.ContainsKey("description"))
                {
                    watchlist.Description = Http.AsString(body["description"]);
                }

                return TryRun(state, watchlist, out var error) ? Http.Success() : error;
            });
        });

        app.MapDelete("/api/v1/watchlist/{id}", (string id) => WithWatchlist(state, id, watchlist =>
        {
            state.Watchlists.Remove(watchlist.Id);
            return Http.Success();
        }));

        foreach (var prefix in new[] { "/api/v1/watchlist/{id}/action", "/util/v1/watchlist/{id}/action" })
        {
            app.MapGet(prefix, (string id) => WithWatchlist(state, id, w => Http.Json(new JsonArray([.. w.Actions.Select(a => (JsonNode)AdminJson.Action(a))]))));
            app.MapPost(prefix, async (string id, HttpRequest request) =>
            {
                var body = await Http.ReadObjectAsync(request);
                return WithWatchlist(state, id, watchlist =>
                {
                    if (body is null || Http.AsInt(body["action_type"]) is not { } type || type is < 0 or > 3)
                    {
                        return Http.BadRequest("action_type must be 0 (email), 1 (syslog), 2 (http_post) or 3 (alert)");
                    }

                    var action = new ActionRecord
                    {
                        Id = state.NextActionId++, ActionType = type, ActionData = Http.AsString(body["action_data"]) ?? "{}",
                        WatchlistId = watchlist.Id, GroupId = Http.AsInt(body["group_id"]) ?? -1,
                    };
                    watchlist.Actions.Add(action);
                    TryRun(state, watchlist, out _);
                    return Http.Json(new JsonObject { ["action_id"] = action.Id });
                });
            });
        }

        app.MapPut("/api/v1/watchlist/{id}/action/{actionId:int}", async (string id, int actionId, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            return WithWatchlist(state, id, watchlist => ActionResults.Update(watchlist.Actions, actionId, body));
        });
        app.MapDelete("/api/v1/watchlist/{id}/action/{actionId:int}", (string id, int actionId) =>
            WithWatchlist(state, id, watchlist => watchlist.Actions.RemoveAll(a => a.Id == actionId) > 0 ? Http.Success() : Http.NotFound("Action " + actionId)));
    }

    /// <summary>
    /// What a real server stores: the same parameters in the same order, values re-encoded with %20 for spaces, and
    /// no <c>sort</c>. Clients must decode either form.
    /// </summary>
    public static string Normalise(string searchQuery)
    {
        var parts = new List<string>();
        foreach (var pair in searchQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (key != "sort")
            {
                parts.Add(Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value));
            }
        }

        return string.Join('&', parts);
    }

    /// <summary>Runs every enabled watchlist once (at start-up).</summary>
    public static void RunAll(EmulatorState state)
    {
        lock (state.Gate)
        {
            foreach (var watchlist in state.Watchlists.Values)
            {
                TryRun(state, watchlist, out _);
            }
        }
    }

    /// <summary>Runs an enabled watchlist now: tags matching processes, updates its counters, raises alerts.</summary>
    private static bool TryRun(EmulatorState state, Watchlist watchlist, out IResult error)
    {
        error = Results.Empty;
        if (!watchlist.Enabled)
        {
            return true;
        }

        var request = SearchParameters.FromQueryString(watchlist.SearchQuery).ToRequest() with { Start = 0, Rows = MaxTagged, Sort = null, FacetFields = [] };
        SearchResult result;
        try
        {
            result = (watchlist.IndexType == "modules" ? state.BinaryIndex : state.ProcessIndex).Search(request);
        }
        catch (SearchSyntaxException e)
        {
            error = Http.Json(new JsonObject { ["reason"] = "query_malformed_syntax", ["message"] = e.Message }, 400);
            return false;
        }

        var now = state.Now;
        var newlyTagged = 0;
        var hits = new List<ProcessRecord>();
        if (watchlist.IndexType == "events")
        {
            var raisesAlerts = watchlist.Actions.Any(a => a.ActionType == 3);
            foreach (var ordinal in result.Page)
            {
                var process = state.Processes[ordinal];
                if (process.Tag(watchlist.Id, now.UtcDateTime))
                {
                    newlyTagged++;
                    hits.Add(process);
                    state.ProcessIndex.Upsert(ordinal, new ProcessSearchDocument(state, process));
                }

                if (raisesAlerts && !state.Alerts.Any(a => a.WatchlistId == watchlist.Id.ToString(CultureInfo.InvariantCulture) && a.Process == process))
                {
                    AlertEndpoints.Raise(state, process, watchlist);
                }
            }
        }

        watchlist.SearchTimestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (result.TotalResults > 0)
        {
            watchlist.LastHit = now;
            watchlist.LastHitCount = result.TotalResults;
            watchlist.TotalHits = Math.Max(watchlist.TotalHits, result.TotalResults);
        }

        watchlist.TotalTags += newlyTagged;
        AnnounceHits(state, watchlist, hits, watchlist.IndexType == "modules" ? [.. result.Page.Select(o => state.Binaries[o])] : []);
        return true;
    }

    /// <summary>
    /// What the server publishes when a watchlist run finds something: one <c>watchlist.hit.*</c> message per
    /// (up to) <see cref="DocsPerHit"/> matches, and one <c>watchlist.storage.hit.*</c> message per match (up to
    /// <see cref="DocsPerHit"/>). Processes count once per watchlist (when first tagged); binaries on every run.
    /// </summary>
    private static void AnnounceHits(EmulatorState state, Watchlist watchlist, List<ProcessRecord> processes, List<BinaryRecord> binaries)
    {
        if (!state.Announcements.Enabled)
        {
            return;
        }

        foreach (var chunk in processes.Chunk(DocsPerHit))
        {
            state.Announcements.Announce("watchlist.hit.process", Bus.BusEvents.WatchlistHitProcess(state, watchlist, chunk));
        }

        foreach (var process in processes.Take(DocsPerHit))
        {
            state.Announcements.Announce("watchlist.storage.hit.process", Bus.BusEvents.WatchlistStorageHitProcess(state, watchlist, process));
        }

        foreach (var chunk in binaries.Chunk(DocsPerHit))
        {
            state.Announcements.Announce("watchlist.hit.binary", Bus.BusEvents.WatchlistHitBinary(state, watchlist, chunk));
        }

        foreach (var binary in binaries.Take(DocsPerHit))
        {
            state.Announcements.Announce("watchlist.storage.hit.binary", Bus.BusEvents.WatchlistStorageHitBinary(state, watchlist, binary));
        }
    }

    private static IResult WithWatchlist(EmulatorState state, string id, Func<Watchlist, IResult> action)
    {
        if (!int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var watchlistId))
        {
            return Http.BadRequest("Watchlist id must be a number");
        }

        lock (state.Gate)
        {
            return state.Watchlists.TryGetValue(watchlistId, out var watchlist) ? action(watchlist) : Http.NotFound("Watchlist " + id);
        }
    }
}
