using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// <c>GET /api/v1/dashboard/statistics</c> (cbapi's <c>dashboard_statistics()</c>): the counts the console's dashboard
/// shows, computed from the data set when asked, so they follow every change.
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/v1/dashboard/statistics", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonObject
                {
                    ["sensor_count"] = state.Sensors.Count,
                    ["active_sensor_count"] = state.Sensors.Values.Count(s => s.Status == "Online"),
                    ["process_count"] = state.Processes.Count,
                    ["binary_count"] = state.Binaries.Count,
                    ["alert_count"] = state.Alerts.Count,
                    ["unresolved_alert_count"] = state.Alerts.Count(a => a.Status == "Unresolved"),
                    ["watchlist_count"] = state.Watchlists.Count,
                    ["feed_count"] = state.Feeds.Count,
                    ["enabled_feed_count"] = state.Feeds.Values.Count(f => f.Enabled),
                });
            }
        });
    }
}
