using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Server-wide routes: info, storage partitions, license, builds, user activity.</summary>
internal static class ServerEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/info", () => Http.Json(Info(state)));

        app.MapGet("/api/v1/storage/events/partition", () => Storage(state, () => Http.Json(state.Partitions.ToJson())));
        app.MapPost("/api/v1/storage/events/new_partition", () => Storage(state, () =>
        {
            var name = state.Partitions.CreateNew(state.Now);
            Announce(state, "creating", name);
            Announce(state, "created", name);
            return Http.Json(new JsonObject { ["name"] = name });
        }));
        app.MapPost("/api/v1/storage/events/{name}/mount", (string name) => Storage(state, () =>
            state.Partitions.SetMounted(name, true) ? Announce(state, "mounted", name) : Http.NotFound("Partition " + name)));
        app.MapPost("/api/v1/storage/events/{name}/unmount", (string name) => Storage(state, () =>
            state.Partitions.SetMounted(name, false) ? Announce(state, "unmounted", name) : Http.NotFound("Partition " + name)));
        app.MapDelete("/api/v1/storage/events/{name}", (string name) => Storage(state, () =>
            state.Partitions.Delete(name) ? Announce(state, "deleted", name) : Http.NotFound("Partition " + name)));

        app.MapGet("/api/v1/license", () => Http.Json(new JsonObject
        {
            ["license_valid"] = true,
            ["license_end_date"] = "2027-12-31",
            ["licensed_sensor_count"] = 10_000,
            ["server_token"] = "cbtyped-emulator",
            ["license_expired"] = false,
            ["licensed_sensor_count_exceeded"] = false,
            ["actual_sensor_count"] = state.Sensors.Count,
            ["license_request_block"] = "-----BEGIN CB LICENSE REQUEST-----\nZW11bGF0b3I=\n-----END CB LICENSE REQUEST-----",
        }));
        app.MapPost("/api/v1/license", () => Http.Success());
        app.MapGet("/api/license", () => Http.Json(new JsonObject
        {
            ["license_request_block"] = "-----BEGIN CB LICENSE REQUEST-----\nZW11bGF0b3I=\n-----END CB LICENSE REQUEST-----",
        }));
        // A license block the emulator cannot read (no BEGIN line) is refused with a status other than success.
        app.MapPost("/api/license", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            var license = body?["license"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["license"] : null;
            return Http.Json(new JsonObject { ["status"] = license is not null && license.Contains("-----BEGIN", StringComparison.Ordinal) ? "success" : "failure" });
        });

        app.MapGet("/api/builds", () => Http.Json(new JsonArray("005.002.000.60922", "005.002.000.61003", "006.001.002.71109")));
        app.MapGet("/api/v2/builds", () => Http.Json(new JsonObject
        {
            ["Windows"] = new JsonArray(Build("005.002.000.61003"), Build("006.001.002.71109")),
            ["Linux"] = new JsonArray(Build("006.001.002.71109")),
            ["OSX"] = new JsonArray(Build("006.001.002.71109")),
        }));
        app.MapGet("/api/login-caps", () => Http.Json(new JsonObject { ["sso"] = false, ["local"] = true }));
        app.MapGet("/api/useractivity", () => Http.Json(new JsonArray(new JsonObject
        {
            ["username"] = "admin",
            ["timestamp"] = Json.CbTime.Postgres(EmulatorState.Epoch),
            ["ip_address"] = "127.0.0.1",
            ["http_status"] = 200,
            ["http_description"] = "OK",
        })));
    }

    private static JsonObject Info(EmulatorState state)
    {
        var version = state.Options.ServerVersion;
        var release = string.Join('.', version.Split('.').Take(3)) + "-1";
        return new JsonObject
        {
            ["version"] = version,
            ["version_release"] = release,
            ["cblrEnabled"] = state.Options.LiveResponseEnabled,
            ["banningEnabled"] = true,
            ["maxSearchResultRows"] = 1000,
            ["processPageSize"] = 10,
            ["binaryPageSize"] = 10,
            ["searchExportCount"] = 1000,
            ["linuxInstallerExists"] = true,
            ["osxInstallerExists"] = true,
            ["liveResponseAutoAttach"] = true,
            ["timestampDeltaThreshold"] = 5,
            ["maxRowsSolrReportQuery"] = 10_000,
            ["vdiGloballyEnabled"] = false,
            ["cloud_install"] = false,
            ["processOrder"] = "",
            ["binaryOrder"] = "",
            ["features"] = new JsonObject
            {
                ["immutable_documents"] = true,
                ["event_exclusions"] = false,
                ["thirdparty_sharing"] = false,
                ["ipv6_support"] = true,
            },
        };
    }

    /// <summary>Partitions exist from 6.0; older servers forbid the routes. One request at a time changes them.</summary>
    /// <summary>Announces <c>events.partition.&lt;what&gt;</c> and answers success.</summary>
    private static Microsoft.AspNetCore.Http.IResult Announce(EmulatorState state, string what, string name)
    {
        state.Announcements.Announce("events.partition." + what, Bus.BusEvents.Partition(state, name));
        return Http.Success();
    }

    private static Microsoft.AspNetCore.Http.IResult Storage(EmulatorState state, Func<Microsoft.AspNetCore.Http.IResult> handle)
    {
        if (!state.IsVersion6OrLater)
            return Http.Error(403, "forbidden", "Storage partitions need server version 6.0 or later");
        lock (state.Gate)
            return handle();
    }

    private static JsonObject Build(string version) => new()
    {
        ["version_string"] = version,
        ["build_id"] = int.Parse(version[^5..], System.Globalization.CultureInfo.InvariantCulture) % 97,
        ["installer_avail"] = true,
        ["upgrader_avail"] = true,
    };
}
