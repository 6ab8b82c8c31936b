using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Feeds, their actions and reports, and threat-report search and bulk update.</summary>
internal static class FeedEndpoints
{
    private static readonly string[] ReportFacets = ["feed_name", "tags", "is_ignored"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/v1/feed", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.Feeds.Values.Select(f => (JsonNode)AdminJson.Feed(f))]));
            }
        });

        app.MapPost("/api/v1/feed", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            var url = Http.AsString(body?["feed_url"]);
            if (body is null || url is null || !(url.StartsWith("file://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal)))
            {
                return Http.BadRequest("feed_url must start with file://, http:// or https://");
            }

            lock (state.Gate)
            {
                if (state.Feeds.Values.Any(f => f.FeedUrl == url))
                {
                    return Http.Error(409, "conflict", "A feed with url " + url + " already exists");
                }

                var id = state.NextFeedId++;
                var name = url.TrimEnd('/').Split('/')[^1].Split('.')[0].ToLowerInvariant();
                var feed = new Feed
                {
                    Id = id, Name = name.Length == 0 ? "feed" + id : name, DisplayName = name, FeedUrl = url, ManuallyAdded = true,
                    Enabled = Http.AsBool(body["enabled"]) ?? true, UseProxy = Http.AsBool(body["use_proxy"]),
                    ValidateServerCert = Http.AsBool(body["validate_server_cert"]), Username = Http.AsString(body["username"]),
                    Password = Http.AsString(body["password"]), SslClientCrt = Http.AsString(body["ssl_client_crt"]),
                    SslClientKey = Http.AsString(body["ssl_client_key"]),
                };
                state.Feeds[id] = feed;
                return Http.Id(id);
            }
        });

        app.MapPut("/api/v1/feed/{id:int}", async (int id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            return WithFeed(state, id, feed =>
            {
                if (body is null)
                {
                    return Http.BadRequest("The body must be a JSON object");
                }

                var wasEnabled = feed.Enabled;
                feed.Enabled = Http.AsBool(body["enabled"]) ?? feed.Enabled;
                if (feed.Enabled != wasEnabled)
                {
                    FeedTags.Reindex(state, feed);
                }

                feed.DisplayName = Http.AsString(body["display_name"]) ?? feed.DisplayName;
                feed.FeedUrl = Http.AsString(body["feed_url"]) ?? feed.FeedUrl;
                feed.UseProxy = Http.AsBool(body["use_proxy"]) ?? feed.UseProxy;
                feed.ValidateServerCert = Http.AsBool(body["validate_server_cert"]) ?? feed.ValidateServerCert;
                if (body.ContainsKey("local_rating"))
                {
                    feed.LocalRating = double.TryParse(Http.AsString(body["local_rating"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) ? rating : null;
                }

                return Http.Json(AdminJson.Feed(feed));
            });
        });

        app.MapDelete("/api/v1/feed/{id:int}", (int id) => WithFeed(state, id, feed =>
        {
            state.Feeds.Remove(feed.Id);
            return Http.Success();
        }));

        app.MapPost("/api/v1/feed/{id:int}/synchronize", async (int id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request); // optional: {"full_sync": true}
            return WithFeed(state, id, feed =>
            {
                if (!feed.Enabled)
                {
                    return Http.Error(409, "conflict", "Feed " + feed.Name + " is disabled and cannot be synchronized");
                }

                // The server announces the request, then the finished synchronisation.
                var started = state.Now;
                state.Announcements.Announce("cmd.feed.synchronize", Bus.BusEvents.FeedSynchronizeCommand(state, feed, Http.AsBool(body?["full_sync"]) ?? false));
                feed.LastSync = state.Now;
                state.Announcements.Announce("feed.synchronized", Bus.BusEvents.FeedSynchronized(state, feed, started));
                return Http.Success();
            });
        });

        app.MapGet("/api/v1/feed/{id:int}/requirements", (int id) => WithFeed(state, id, feed => Http.Json(new JsonObject
        {
            ["requires"] = null,
            ["requires_who"] = null,
            ["requires_what"] = null,
            ["feed_id"] = feed.Id,
        })));

        app.MapGet("/api/v1/feed/{id:int}/action", (int id) =>
            WithFeed(state, id, feed => Http.Json(new JsonArray([.. feed.Actions.Select(a => (JsonNode)AdminJson.Action(a))]))));
        app.MapPost("/api/v1/feed/{id:int}/action", async (int id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            return WithFeed(state, id, feed =>
            {
                if (body is null || Http.AsInt(body["action_type"]) is not { } type || type is < 0 or > 3)
                {
                    return Http.BadRequest("action_type must be 0 (email), 1 (syslog), 2 (http_post) or 3 (alert)");
                }

                feed.Actions.Add(new ActionRecord
                {
                    Id = state.NextActionId++, ActionType = type, ActionData = Http.AsString(body["action_data"]) ?? "{}",
                    GroupId = feed.Id, WatchlistId = null,
                });
                return Http.Success();
            });
        });
        app.MapPut("/api/v1/feed/{id:int}/action/{actionId:int}", async (int id, int actionId, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            return WithFeed(state, id, feed => ActionResults.Update(feed.Actions, actionId, body));
        });
        app.MapDelete("/api/v1/feed/{id:int}/action/{actionId:int}", (int id, int actionId) =>
            WithFeed(state, id, feed => feed.Actions.RemoveAll(a => a.Id == actionId) > 0 ? Http.Success() : Http.NotFound("Action " + actionId)));

        app.MapGet("/api/v1/feed/{id:int}/report/{reportId}", (int id, string reportId) => WithFeed(state, id, feed =>
            state.ThreatReports.Find(r => r.FeedId == feed.Id && r.ReportId == reportId) is { } report
                ? Http.Json(AdminJson.ThreatReport(report))
                : Http.NotFound("Report " + reportId)));
        app.MapGet("/api/v1/feed/{id:int}/report/{reportId}/stats", (int id, string reportId) => WithFeed(state, id, feed =>
            state.ThreatReports.Find(r => r.FeedId == feed.Id && r.ReportId == reportId) is { } report
                ? Http.Json(new JsonObject { ["report_id"] = report.ReportId, ["hits"] = report.Md5s.Count, ["is_ignored"] = report.IsIgnored })
                : Http.NotFound("Report " + reportId)));

        app.MapGet("/api/v1/threat_report", async (HttpRequest request) =>
        {
            var parameters = await SearchParameters.ReadAsync(request);
            return SearchResponder.Respond(state, parameters, () => state.ThreatReportIndex, ReportFacets,
                ordinal => AdminJson.ThreatReport(state.ThreatReports[ordinal]));
        });

        app.MapPost("/api/v1/threat_report", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body?["updates"] is not JsonObject updates)
            {
                return Http.BadRequest("Send ids or query, and updates");
            }

            lock (state.Gate)
            {
                List<ThreatReport> targets;
                if (body["ids"] is JsonObject ids)
                {
                    targets = [.. ids.SelectMany(feed => (feed.Value as JsonArray ?? []).Select(Http.AsString)
                        .SelectMany(rid => state.ThreatReports.Where(r => r.FeedId.ToString(CultureInfo.InvariantCulture) == feed.Key && r.ReportId == rid)))];
                }
                else if (Http.AsString(body["query"]) is { } query)
                {
                    try
                    {
                        var search = SearchParameters.FromQueryString(query).ToRequest() with { Start = 0, Rows = int.MaxValue, FacetFields = [] };
                        targets = [.. state.ThreatReportIndex.Search(search).Page.Select(o => state.ThreatReports[o])];
                    }
                    catch (SearchSyntaxException e)
                    {
                        return Http.Json(new JsonObject { ["reason"] = "query_malformed_syntax", ["message"] = e.Message }, 400);
                    }
                }
                else
                {
                    return Http.BadRequest("Send ids or query, and updates");
                }

                foreach (var report in targets)
                {
                    report.IsIgnored = Http.AsBool(updates["is_ignored"]) ?? report.IsIgnored;
                    report.UpdateTime = state.Now.UtcDateTime;
                    state.ThreatReportIndex.Upsert(report.Ordinal, new ThreatReportSearchDocument(report));
                }

                return Http.Success();
            }
        });
    }

    private static IResult WithFeed(EmulatorState state, int id, Func<Feed, IResult> action)
    {
        lock (state.Gate)
        {
            return state.Feeds.TryGetValue(id, out var feed) ? action(feed) : Http.NotFound("Feed " + id);
        }
    }
}
