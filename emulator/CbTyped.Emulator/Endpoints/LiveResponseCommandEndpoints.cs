using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Data.LiveResponse;
using CbTyped.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// Live Response commands: POST one (pending), poll it until it completes or fails, cancel it, list them. A closed
/// session takes no command and answers GET/PUT of one with the "Session … not found" 404, which sends cbapi (and
/// the SDK) into its re-open-and-retry path.
/// </summary>
internal static class LiveResponseCommandEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        const string Commands = LiveResponseEndpoints.Base + "/session/{sid:int}/command";

        app.MapPost(Commands, async (int sid, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            return LiveResponseEndpoints.OnOpenSession(state, sid, session =>
            {
                var name = Http.AsString(body?["name"]) ?? "";
                if (body is null || !CommandRunner.IsKnown(name))
                {
                    return Http.Json(new JsonObject { ["reason"] = "Unknown command " + name }, 400);
                }

                return Http.Json(LiveResponseJson.Command(Add(state, session, name, body)));
            });
        });

        app.MapGet(Commands, (int sid, HttpRequest request) =>
        {
            var status = request.Query["status"].ToString();
            return LiveResponseEndpoints.WithSession(state, sid, session => Http.Json(new JsonArray([..
                session.Commands.Where(c => status.Length == 0 || c.Status == status).Select(c => (JsonNode)LiveResponseJson.Command(c))])));
        });

        // ?wait=true is accepted and changes nothing: every GET is one poll.
        app.MapGet(Commands + "/{cid:int}", (int sid, int cid) => OnCommand(state, sid, cid, (session, command) =>
        {
            Poll(state, session, command);
            return Http.Json(LiveResponseJson.Command(command));
        }));

        app.MapPut(Commands + "/{cid:int}", async (int sid, int cid, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            return OnCommand(state, sid, cid, (_, command) =>
            {
                if (Http.AsString(body?["status"]) == "cancel" && command.Status == "pending")
                {
                    command.Status = "cancel";
                    command.Completion = LiveResponseEndpoints.EpochSeconds(state);
                }

                return Http.Json(LiveResponseJson.Command(command));
            });
        });
    }

    private static IResult OnCommand(EmulatorState state, int sid, int cid, Func<LiveResponseSession, LiveResponseCommand, IResult> action) =>
        LiveResponseEndpoints.OnOpenSession(state, sid, session => session.Commands.Find(c => c.Id == cid) is { } command
            ? action(session, command)
            : LiveResponseEndpoints.NotFound("Command " + cid));

    private static LiveResponseCommand Add(EmulatorState state, LiveResponseSession session, string name, JsonObject body)
    {
        var request = new JsonObject { ["object"] = null };
        foreach (var (key, value) in body)
        {
            if (!LiveResponseJson.ServerOwnedCommandMembers.Contains(key))
            {
                request[key] = value?.DeepClone();
            }
        }

        var command = new LiveResponseCommand
        {
            Id = session.Commands.Count + 1,
            SessionId = session.Id,
            SensorId = session.SensorId,
            Name = name,
            Request = request,
            CreateTime = LiveResponseEndpoints.EpochSeconds(state),
            PollsLeft = Math.Max(1, state.Options.LiveResponseCommandPolls),
            // cbapi's get_raw_file reads file_id from the POST answer, not the completed command, so the id exists from the start.
            FileId = name == "get file" ? session.NextFileId++ : null,
        };
        session.Commands.Add(command);
        return command;
    }

    /// <summary>
    /// One GET is one step; the command runs on the last one, so its effects (a deleted file, a killed process) appear
    /// exactly when it reports <c>complete</c>. Nothing moves while the session is still pending.
    /// </summary>
    private static void Poll(EmulatorState state, LiveResponseSession session, LiveResponseCommand command)
    {
        if (command.IsFinished || session.Status != "active")
        {
            return;
        }

        if (--command.PollsLeft > 0)
        {
            command.Status = "in progress";
            return;
        }

        var endpoint = state.LiveResponse.EndpointOf(state.Sensors[session.SensorId]);
        var outcome = CommandRunner.Run(command.Name, new CommandContext(endpoint, session, command, state.Now.ToUnixTimeSeconds()));
        command.Completion = LiveResponseEndpoints.EpochSeconds(state);
        command.Result = outcome.Result;
        command.ResultCode = outcome.ErrorCode;
        command.Status = outcome.Result is null ? "error" : "complete";
    }
}
