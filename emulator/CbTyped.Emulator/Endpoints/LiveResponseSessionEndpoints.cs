using System.IO.Compression;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Data.LiveResponse;
using CbTyped.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Live Response sessions: create, list, poll (pending → active), close, keepalive, archive.</summary>
internal static class LiveResponseSessionEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        const string Sessions = LiveResponseEndpoints.Base + "/session";

        app.MapGet(Sessions, (HttpRequest request) =>
        {
            var activeOnly = string.Equals(request.Query["active_only"], "true", StringComparison.OrdinalIgnoreCase);
            lock (state.Gate)
            {
                var sessions = state.LiveResponse.Sessions.Values.Where(s => !activeOnly || s.IsOpen);
                return Http.Json(new JsonArray([.. sessions.Select(s => (JsonNode)LiveResponseJson.Session(state, s))]));
            }
        });

        app.MapPost(Sessions, async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null || Http.AsInt(body["sensor_id"]) is not { } sensorId)
            {
                return Http.BadRequest("The body must be a JSON object with sensor_id");
            }

            lock (state.Gate)
            {
                return state.Sensors.TryGetValue(sensorId, out var sensor)
                    ? Http.Json(LiveResponseJson.Session(state, Create(state, sensor, body)))
                    : LiveResponseEndpoints.NotFound("Sensor " + sensorId);
            }
        });

        app.MapGet(Sessions + "/{sid:int}", (int sid) => LiveResponseEndpoints.WithSession(state, sid, session =>
        {
            Poll(state, session);
            return Http.Json(LiveResponseJson.Session(state, session));
        }));

        // cbapi closes by GETting the session, setting status "close" and PUTting it back; anything else is ignored.
        app.MapPut(Sessions + "/{sid:int}", async (int sid, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            return LiveResponseEndpoints.WithSession(state, sid, session =>
            {
                if (Http.AsString(body?["status"]) == "close" && session.IsOpen)
                {
                    session.Status = "close";
                }

                return Http.Json(LiveResponseJson.Session(state, session));
            });
        });

        app.MapGet(Sessions + "/{sid:int}/keepalive", (int sid) => LiveResponseEndpoints.OnOpenSession(state, sid, _ =>
            Http.Json(new JsonObject { ["status"] = "OK" })));

        app.MapGet(Sessions + "/{sid:int}/archive", (int sid) => LiveResponseEndpoints.WithSession(state, sid, session =>
            Results.Bytes(Archive(state, session), "application/zip", "session-" + sid + ".zip")));
    }

    private static LiveResponseSession Create(EmulatorState state, SensorRecord sensor, JsonObject body)
    {
        var live = state.LiveResponse;
        var session = new LiveResponseSession
        {
            Id = live.NextSessionId++,
            SensorId = sensor.Id,
            CreateTime = LiveResponseEndpoints.EpochSeconds(state),
            PollsUntilActive = state.Options.LiveResponsePollsUntilActive,
            CheckInTimeout = Http.AsInt(body["check_in_timeout"]) ?? 1200,
            SensorWaitTimeout = Http.AsInt(body["sensor_wait_timeout"]) ?? 120,
        };
        live.Sessions[session.Id] = session;
        Poll(state, session, counts: false);
        return session;
    }

    /// <summary>
    /// One GET is one step towards the sensor's check-in; only an online sensor ever checks in, so a session of an
    /// offline one stays pending (the client's timeout path).
    /// </summary>
    private static void Poll(EmulatorState state, LiveResponseSession session, bool counts = true)
    {
        if (session.Status != "pending" || state.Sensors[session.SensorId].Status != "Online")
        {
            return;
        }

        if (counts)
        {
            session.PollsUntilActive--;
        }

        if (session.PollsUntilActive <= 0)
        {
            session.Status = "active";
        }
    }

    /// <summary>A small zip of the session and its command log: what a real archive holds, in JSON.</summary>
    private static byte[] Archive(EmulatorState state, LiveResponseSession session)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "session.json", LiveResponseJson.Session(state, session));
            Add(zip, "commands.json", new JsonArray([.. session.Commands.Select(c => (JsonNode)LiveResponseJson.Command(c))]));
        }

        return buffer.ToArray();

        static void Add(ZipArchive zip, string name, JsonNode content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(content.ToJsonString());
        }
    }
}
