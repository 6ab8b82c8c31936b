using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// Sensors: the v1 list with substring filters, the paged v2 list, GET/PUT one sensor
/// with the deferred isolation / restart / flush state machine, statistics and per-sensor lists.
/// </summary>
internal static class SensorEndpoints
{
    /// <summary>The fields a 7.1+ server accepts in a sensor PUT; older servers take the whole document.</summary>
    private static readonly HashSet<string> WritableFields =
        ["network_isolation_enabled", "restart_queued", "uninstall", "group_id", "notes", "event_log_flush_time", "liveresponse_init"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/v1/sensor", (HttpRequest request) =>
        {
            lock (state.Gate)
            {
                var sensors = Filter(state, request).Select(s => (JsonNode)SensorJson.Document(state, s));
                return Http.Json(new JsonArray([.. sensors]));
            }
        });

        app.MapGet("/api/v2/sensor", (HttpRequest request) =>
        {
            var parameters = request.Query;
            var start = int.TryParse(parameters["start"], out var s) ? Math.Max(0, s) : 0;
            var rows = int.TryParse(parameters["rows"], out var r) ? Math.Max(0, r) : 10;
            var column = parameters["sort.col"].ToString() is { Length: > 0 } col ? col : "computer_name";
            var descending = string.Equals(parameters["sort.dir"], "desc", StringComparison.OrdinalIgnoreCase);
            lock (state.Gate)
            {
                var matches = Filter(state, request).Select(sensor => SensorJson.Document(state, sensor)).ToList();
                var ordered = descending
                    ? matches.OrderByDescending(j => SortKey(j, column), StringComparer.OrdinalIgnoreCase)
                    : matches.OrderBy(j => SortKey(j, column), StringComparer.OrdinalIgnoreCase);
                return Http.Json(new JsonObject
                {
                    ["results"] = new JsonArray([.. ordered.ThenBy(j => (int)j["id"]!).Skip(start).Take(rows)]),
                    ["total_results"] = matches.Count,
                    ["start"] = start,
                    ["facets"] = new JsonObject(),
                });
            }
        });

        app.MapGet("/api/v1/sensor/statistics", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonObject
                {
                    ["sensor_count"] = state.Sensors.Count,
                    ["active_sensor_count"] = state.Sensors.Values.Count(s => s.Status == "Online"),
                    ["num_eventlog_bytes"] = state.Sensors.Values.Sum(s => s.EventLogBytes).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["num_storefiles_bytes"] = "0",
                });
            }
        });

        app.MapGet("/api/v1/sensor/{id:int}", (int id) =>
        {
            lock (state.Gate)
            {
                if (!state.Sensors.TryGetValue(id, out var sensor))
                {
                    return Http.NotFound("Sensor " + id);
                }

                Poll(state, sensor);
                return Http.Json(SensorJson.Document(state, sensor));
            }
        });

        app.MapPut("/api/v1/sensor/{id:int}", async (int id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null)
            {
                return Http.BadRequest("The body must be a JSON object");
            }

            lock (state.Gate)
            {
                if (!state.Sensors.TryGetValue(id, out var sensor))
                {
                    return Http.NotFound("Sensor " + id);
                }

                return Update(state, sensor, body);
            }
        });

        app.MapGet("/api/v1/sensor/{id:int}/queued", (int id) => PerSensor(state, id, sensor => new JsonArray(new JsonObject
        {
            ["id"] = sensor.Id * 100 + 1,
            ["sensor_id"] = sensor.Id,
            ["num_eventlogs"] = 0,
            ["num_eventlog_bytes"] = 0,
            ["num_storefiles"] = 0,
            ["num_storefile_bytes"] = 0,
            ["timestamp"] = CbTime.Postgres(sensor.LastCheckin),
        })));
        app.MapGet("/api/v1/sensor/{id:int}/activity", (int id) => PerSensor(state, id, sensor => new JsonArray(new JsonObject
        {
            ["sensor_id"] = sensor.Id,
            ["timestamp"] = CbTime.Postgres(sensor.LastCheckin),
            ["type"] = "checkin",
        })));
        app.MapGet("/api/v1/sensor/{id:int}/resourcestatus", (int id) => PerSensor(state, id, sensor => new JsonArray(new JsonObject
        {
            ["sensor_id"] = sensor.Id,
            ["timestamp"] = CbTime.Postgres(sensor.LastCheckin),
            ["pagefaults"] = 1204,
            ["commit_charge"] = 73_728_000,
            ["handle_count"] = 391,
        })));
    }

    /// <summary>
    /// One GET is one step towards the sensor's next check-in. At check-in an online sensor applies what is pending:
    /// isolation follows <c>network_isolation_enabled</c>, a queued restart and a requested flush complete.
    /// </summary>
    private static void Poll(EmulatorState state, SensorRecord sensor)
    {
        if (!sensor.HasPendingChange || sensor.Status != "Online" || sensor.PollsUntilCheckin <= 0)
        {
            return;
        }

        sensor.PollsUntilCheckin--;
        if (sensor.PollsUntilCheckin == 0)
        {
            CheckIn(state, sensor);
        }
    }

    private static void CheckIn(EmulatorState state, SensorRecord sensor)
    {
        if (sensor.SupportsIsolation)
        {
            sensor.IsIsolating = sensor.NetworkIsolationEnabled;
        }

        sensor.RestartQueued = false;
        sensor.EventLogFlushTime = null;
        if (sensor.Uninstall)
        {
            sensor.Uninstalled = true;
        }

        sensor.LastCheckin = sensor.LastCheckin.AddSeconds(30);
        _ = state;
    }

    private static IResult Update(EmulatorState state, SensorRecord sensor, JsonObject body)
    {
        if (RejectsFullDocuments(state.Options.ServerVersion) && body.Select(p => p.Key).FirstOrDefault(k => !WritableFields.Contains(k)) is { } extra)
        {
            return Http.BadRequest("Field '" + extra + "' cannot be modified; send only " + string.Join(", ", WritableFields.Order(StringComparer.Ordinal)));
        }

        if (body.ContainsKey("group_id"))
        {
            var groupId = Http.AsInt(body["group_id"]);
            if (groupId is null || !state.Groups.ContainsKey(groupId.Value))
            {
                return Http.BadRequest("Unknown group_id " + Http.AsString(body["group_id"]));
            }

            if (groupId.Value != sensor.GroupId)
            {
                sensor.GroupId = groupId.Value;
                Reindex(state, sensor);
            }
        }

        if (Http.AsBool(body["network_isolation_enabled"]) is { } isolate)
        {
            sensor.NetworkIsolationEnabled = isolate;
        }

        if (Http.AsBool(body["restart_queued"]) is { } restart)
        {
            sensor.RestartQueued |= restart;
        }

        if (Http.AsBool(body["uninstall"]) is { } uninstall)
        {
            sensor.Uninstall = uninstall;
        }

        if (body.ContainsKey("notes"))
        {
            sensor.Notes = Http.AsString(body["notes"]);
        }

        if (body.ContainsKey("liveresponse_init"))
        {
            sensor.LiveResponseInit = Http.AsString(body["liveresponse_init"]) is { Length: > 0 } init && init != "false";
        }

        // cbapi sends null here unless the flush time was changed: null means "no new flush request", not "cancel".
        if (Http.AsString(body["event_log_flush_time"]) is { Length: > 0 } flushTime)
        {
            sensor.EventLogFlushTime = flushTime;
        }

        if (sensor.HasPendingChange)
        {
            sensor.PollsUntilCheckin = state.Options.PollsUntilCheckin;
            if (sensor.PollsUntilCheckin <= 0 && sensor.Status == "Online")
            {
                CheckIn(state, sensor);
            }
        }

        return Results.NoContent();
    }

    /// <summary>A sensor move changes the <c>group</c> of its processes and binaries in search too.</summary>
    internal static void Reindex(EmulatorState state, SensorRecord sensor)
    {
        for (var i = 0; i < state.Processes.Count; i++)
        {
            if (state.Processes[i].SensorId == sensor.Id)
            {
                state.ProcessIndex.Upsert(i, new ProcessSearchDocument(state, state.Processes[i]));
            }
        }

        for (var i = 0; i < state.Binaries.Count; i++)
        {
            if (state.Binaries[i].Endpoints.Any(e => e.SensorId == sensor.Id))
            {
                state.BinaryIndex.Upsert(i, new BinarySearchDocument(state, state.Binaries[i]));
            }
        }
    }

    private static bool RejectsFullDocuments(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
            && (major > 7 || (major == 7 && minor >= 1));
    }

    /// <summary>The v1/v2 filters: <c>ip</c> wins over <c>hostname</c>; both are case-sensitive substrings.</summary>
    private static IEnumerable<SensorRecord> Filter(EmulatorState state, HttpRequest request)
    {
        IEnumerable<SensorRecord> sensors = state.Sensors.Values;
        var ip = request.Query["ip"].ToString();
        var hostname = request.Query["hostname"].ToString();
        if (ip.Length > 0)
        {
            sensors = sensors.Where(s => s.IpAddress.Contains(ip, StringComparison.Ordinal));
        }
        else if (hostname.Length > 0)
        {
            sensors = sensors.Where(s => s.ComputerName.Contains(hostname, StringComparison.Ordinal));
        }

        if (int.TryParse(request.Query["groupid"], out var groupId))
        {
            sensors = sensors.Where(s => s.GroupId == groupId);
        }

        return sensors;
    }

    private static string SortKey(JsonObject sensor, string column) => Http.AsString(sensor[column]) ?? "";

    private static IResult PerSensor(EmulatorState state, int id, Func<SensorRecord, JsonNode> render)
    {
        lock (state.Gate)
        {
            return state.Sensors.TryGetValue(id, out var sensor) ? Http.Json(render(sensor)) : Http.NotFound("Sensor " + id);
        }
    }
}
