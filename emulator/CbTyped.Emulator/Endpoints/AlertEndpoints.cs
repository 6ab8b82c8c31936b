using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Alert search (v1, v2), single update and bulk update.</summary>
internal static class AlertEndpoints
{
    private static readonly string[] AlertFacets = ["status", "alert_type", "feed_name", "hostname", "username", "watchlist_name"];

    private static readonly string[] Statuses = ["Unresolved", "In Progress", "Resolved", "False Positive"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        foreach (var route in new[] { "/api/v1/alert", "/api/v2/alert" })
        {
            app.MapMethods(route, ["GET", "POST"], async (HttpRequest request) =>
            {
                var parameters = await SearchParameters.ReadAsync(request);
                return SearchResponder.Respond(state, parameters, () => state.AlertIndex, AlertFacets,
                    ordinal => AdminJson.Alert(state, state.Alerts[ordinal]));
            });
        }

        app.MapPost("/api/v1/alert/{uniqueId}", async (string uniqueId, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            lock (state.Gate)
            {
                if (state.Alerts.Find(a => a.UniqueId == uniqueId) is not { } alert)
                {
                    return Http.NotFound("Alert " + uniqueId);
                }

                var status = Canonical(Http.AsString(body?["status"]));
                if (status is null)
                {
                    return Http.BadRequest("status must be one of " + string.Join(", ", Statuses));
                }

                Apply(state, alert, status, Http.AsString(body?["assigned_to"]), Http.AsBool(body?["set_ignored"]) ?? false);
                return Http.Success();
            }
        });

        app.MapPost("/api/v1/alerts", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            var status = Canonical(Http.AsString(body?["requested_status"]));
            if (body is null || status is null)
            {
                return Http.BadRequest("requested_status must be one of " + string.Join(", ", Statuses));
            }

            lock (state.Gate)
            {
                List<Alert> targets;
                if (body["alert_ids"] is JsonArray ids)
                {
                    var wanted = ids.Select(Http.AsString).ToHashSet(StringComparer.Ordinal);
                    targets = state.Alerts.Where(a => wanted.Contains(a.UniqueId)).ToList();
                }
                else if (Http.AsString(body["query"]) is { } query)
                {
                    var search = SearchParameters.FromQueryString(query).ToRequest() with { Start = 0, Rows = int.MaxValue, FacetFields = [] };
                    try
                    {
                        targets = state.AlertIndex.Search(search).Page.Select(o => state.Alerts[o]).ToList();
                    }
                    catch (SearchSyntaxException e)
                    {
                        return Http.Json(new JsonObject { ["reason"] = "query_malformed_syntax", ["message"] = e.Message }, 400);
                    }
                }
                else
                {
                    return Http.BadRequest("Send alert_ids or query");
                }

                foreach (var alert in targets)
                {
                    Apply(state, alert, status, Http.AsString(body["assigned_to"]), Http.AsBool(body["set_ignored"]) ?? false);
                }

                return Http.Success();
            }
        });
    }

    /// <summary>Creates an alert for a watchlist hit (an action of type 3 exists).</summary>
    public static void Raise(EmulatorState state, ProcessRecord process, Watchlist watchlist)
    {
        var sequence = state.Alerts.Count + 1;
        var alert = new Alert
        {
            UniqueId = string.Create(CultureInfo.InvariantCulture, $"{watchlist.Id:x8}-{sequence:x4}-4000-8000-{(uint)process.Pid:x4}{sequence:x8}"),
            AlertType = "watchlist.hit.query.process",
            CreatedTime = state.Now.UtcDateTime,
            WatchlistId = watchlist.Id.ToString(CultureInfo.InvariantCulture),
            WatchlistName = watchlist.Name,
            IocValue = SearchParameters.FromQueryString(watchlist.SearchQuery).Get("q") ?? "",
            Process = process,
            Ordinal = state.Alerts.Count,
        };
        state.Alerts.Add(alert);
        state.AlertIndex.Upsert(alert.Ordinal, new AlertSearchDocument(state, alert));
        state.Announcements.Announce("alert." + alert.AlertType, Bus.BusEvents.AlertProcess(state, alert));
    }

    private static void Apply(EmulatorState state, Alert alert, string status, string? assignedTo, bool setIgnored)
    {
        alert.Status = status;
        if (status is "Resolved" or "False Positive")
        {
            alert.ResolvedTime = state.Now.UtcDateTime;
            alert.AssignedTo = assignedTo ?? EmulatorState.ActingUser;
        }
        else
        {
            alert.ResolvedTime = null;
            alert.AssignedTo = assignedTo ?? (status == "In Progress" ? EmulatorState.ActingUser : null);
        }

        if (setIgnored)
        {
            alert.IsIgnored = true;

            // Ignoring also silences the report that raised it (feed alerts only).
            foreach (var report in state.ThreatReports.Where(r => r.FeedId == alert.FeedId && r.Md5s.Contains(alert.IocValue, StringComparer.OrdinalIgnoreCase)))
            {
                report.IsIgnored = true;
                state.ThreatReportIndex.Upsert(report.Ordinal, new ThreatReportSearchDocument(report));
            }
        }

        state.AlertIndex.Upsert(alert.Ordinal, new AlertSearchDocument(state, alert));
    }

    private static string? Canonical(string? status) =>
        Statuses.FirstOrDefault(s => string.Equals(s, status?.Trim(), StringComparison.OrdinalIgnoreCase));
}
