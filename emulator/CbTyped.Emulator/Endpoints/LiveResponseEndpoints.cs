using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Data.LiveResponse;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// Live Response, <c>/api/v1/cblr</c> (docs/models-live-response.md). When the server
/// does not have it (<see cref="CbEmulatorOptions.LiveResponseEnabled"/> false, <c>cblrEnabled:false</c>) the
/// routes are not mapped, so they answer the emulator's usual 404.
/// </summary>
internal static class LiveResponseEndpoints
{
    public const string Base = "/api/v1/cblr";

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        if (!state.Options.LiveResponseEnabled)
        {
            return;
        }

        LiveResponseSessionEndpoints.Map(app, state);
        LiveResponseCommandEndpoints.Map(app, state);
        LiveResponseFileEndpoints.Map(app, state);
    }

    /// <summary>
    /// The cblr 404 body. cbapi re-opens a session on a 404 whose reason starts with "Session"/"Sensor" or whose
    /// status is NOT_FOUND, so the wording matters.
    /// </summary>
    public static IResult NotFound(string what) =>
        Http.Json(new JsonObject { ["status"] = "NOT_FOUND", ["reason"] = what + " not found" }, 404);

    public static IResult SessionNotFound(int sessionId) => NotFound("Session " + sessionId);

    /// <summary>Runs <paramref name="action"/> on a known session under the gate; an unknown one is the cblr 404.</summary>
    public static IResult WithSession(EmulatorState state, int sid, Func<LiveResponseSession, IResult> action)
    {
        lock (state.Gate)
        {
            return state.LiveResponse.Sessions.TryGetValue(sid, out var session) ? action(session) : SessionNotFound(sid);
        }
    }

    /// <summary>Runs <paramref name="action"/> under the gate on a session that is pending or active; a closed one is the 404.</summary>
    public static IResult OnOpenSession(EmulatorState state, int sid, Func<LiveResponseSession, IResult> action) =>
        WithSession(state, sid, session => session.IsOpen ? action(session) : SessionNotFound(sid));

    /// <summary>Whether the session exists and is pending or active (checked under the gate).</summary>
    public static bool IsOpenSession(EmulatorState state, int sid)
    {
        lock (state.Gate)
        {
            return state.LiveResponse.Sessions.TryGetValue(sid, out var session) && session.IsOpen;
        }
    }

    public static double EpochSeconds(EmulatorState state) => state.Now.ToUnixTimeMilliseconds() / 1000.0;
}
