using System.Diagnostics;
using System.Text.Json;

namespace CbTyped.Response;

/// <summary>
/// Finds, creates, waits for and closes server sessions (cbapi's <c>LiveResponseSessionManager</c> without its cache):
/// an open session of the sensor is reused, else one is created; then it is polled until <c>active</c>.
/// </summary>
internal static class LiveResponseConnector
{
    /// <summary>
    /// An active session for <paramref name="sensorId"/>. A 404, a session that ends or one still pending after
    /// <see cref="LiveResponseOptions.SessionTimeout"/> is closed (so it does not stay pending) and reported as
    /// cbapi does: <c>CbTimeoutException("Could not establish session with sensor &lt;id&gt;")</c>.
    /// </summary>
    public static async Task<LiveResponseSessionInfo> GetOrCreateSessionAsync(CbResponseClient client, int sensorId, LiveResponseOptions options, CancellationToken cancellationToken)
    {
        int sessionId = await FindOpenSessionAsync(client, sensorId, cancellationToken).ConfigureAwait(false)
            ?? await CreateSessionAsync(client, sensorId, cancellationToken).ConfigureAwait(false);
        try
        {
            return await WaitUntilActiveAsync(client, sessionId, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await CloseSessionAsync(client, sessionId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (CbApiException e)
        {
            await CloseSessionAsync(client, sessionId, CancellationToken.None).ConfigureAwait(false);
            throw new CbTimeoutException($"Could not establish session with sensor {sensorId}", "GET", LiveResponsePaths.Session(sessionId), e);
        }
    }

    /// <summary>
    /// Closes a session as cbapi does: GET it, set <c>status</c> to <c>close</c>, PUT it back. Any error is ignored
    /// (the session may already be gone), except the caller's own cancellation.
    /// </summary>
    public static async Task CloseSessionAsync(CbResponseClient client, int sessionId, CancellationToken cancellationToken)
    {
        string path = LiveResponsePaths.Session(sessionId);
        try
        {
            using var current = await client.SendJsonAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            var body = ClosedCopy(current?.RootElement ?? default);
            using var answer = await client.SendJsonAsync(HttpMethod.Put, path, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // cbapi: "except: pass" — closing is best effort.
        }
    }

    private static async Task<int?> FindOpenSessionAsync(CbResponseClient client, int sensorId, CancellationToken cancellationToken)
    {
        using var sessions = await client.SendJsonAsync(HttpMethod.Get, LiveResponsePaths.OpenSessions, null, cancellationToken).ConfigureAwait(false);
        if (sessions is null || sessions.RootElement.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var session in sessions.RootElement.EnumerateArray())
        {
            if (LiveResponseJson.Int32(session, "sensor_id") == sensorId
                && LiveResponseJson.String(session, "status") is "pending" or "active"
                && LiveResponseJson.Int32(session, "id") is int id)
            {
                return id;
            }
        }

        return null;
    }

    private static async Task<int> CreateSessionAsync(CbResponseClient client, int sensorId, CancellationToken cancellationToken)
    {
        var body = JsonBody.Build(w => w.WriteNumber("sensor_id", sensorId));
        using var created = await client.SendJsonAsync(HttpMethod.Post, LiveResponsePaths.Sessions, body, cancellationToken).ConfigureAwait(false);
        return LiveResponseJson.Int32(created?.RootElement ?? default, "id")
            ?? throw new CbServerException("The server answered a new Live Response session without an id.", 200, null, "POST", LiveResponsePaths.Sessions);
    }

    private static async Task<LiveResponseSessionInfo> WaitUntilActiveAsync(CbResponseClient client, int sessionId, LiveResponseOptions options, CancellationToken cancellationToken)
    {
        string path = LiveResponsePaths.Session(sessionId);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using (var document = await client.SendJsonAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false))
            {
                var info = LiveResponseSessionInfo.FromJson(document?.RootElement ?? default);
                if (info.Status == "active")
                    return info;
                if (!info.IsOpen)
                    throw new CbApiException($"Live Response session {sessionId} is '{info.Status}'", 200, null, "GET", path);
            }

            TimeSpan left = options.SessionTimeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
                throw new CbTimeoutException("timeout polling for Live Response", "GET", path);
            await Task.Delay(left < options.SessionPollInterval ? left : options.SessionPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The session document with <c>status</c> set to <c>close</c>, every other member as the server sent it.</summary>
    private static ReadOnlyMemory<byte> ClosedCopy(JsonElement session) => JsonBody.Build(w =>
    {
        if (session.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in session.EnumerateObject())
            {
                if (!member.NameEquals("status"))
                    member.WriteTo(w);
            }
        }

        w.WriteString("status", "close");
    });
}
