using System.Diagnostics;
using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>
/// Finds, creates, waits for and closes server sessions (cbapi's <c>LiveResponseSessionManager</c> without its cache)
/// through <see cref="LiveResponseServerSession"/>'s operations: an open session of the sensor is reused, else one is
/// created; then it is polled until <c>active</c>.
/// </summary>
internal static class LiveResponseConnector
{
    /// <summary>
    /// An active session for <paramref name="sensorId"/>. A 404, a session that ends or one still pending after
    /// <see cref="LiveResponseOptions.SessionTimeout"/> is closed (so it does not stay pending) and reported as
    /// cbapi does: <c>CbTimeoutException("Could not establish session with sensor &lt;id&gt;")</c>.
    /// </summary>
    public static async Task<LiveResponseSessionInfo> GetOrCreateSessionAsync(ICbModelSession client, int sensorId, LiveResponseOptions options, CancellationToken cancellationToken)
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
            throw new CbTimeoutException($"Could not establish session with sensor {sensorId}", e.Method ?? "GET", e.Path, e);
        }
    }

    /// <summary>
    /// Closes a session as cbapi does: GET it, set <c>status</c> to <c>close</c>, PUT it back (every other member as
    /// the server sent it). Any error is ignored (the session may already be gone), except the caller's own cancellation.
    /// </summary>
    public static async Task CloseSessionAsync(ICbModelSession client, int sessionId, CancellationToken cancellationToken)
    {
        try
        {
            var current = await LiveResponseServerSession.FetchAsync(client, sessionId, cancellationToken).ConfigureAwait(false);
            current.Status = "close";
            await current.PutAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // cbapi: "except: pass" — closing is best effort.
        }
    }

    private static async Task<int?> FindOpenSessionAsync(ICbModelSession client, int sensorId, CancellationToken cancellationToken)
    {
        var sessions = await LiveResponseServerSession.ListOpenAsync(client, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var session in sessions)
        {
            if (session.SensorId == sensorId && session.Status is "pending" or "active" && session.Id is int id)
                return id;
        }

        return null;
    }

    private static async Task<int> CreateSessionAsync(ICbModelSession client, int sensorId, CancellationToken cancellationToken)
    {
        var created = await LiveResponseServerSession.StartAsync(client, sensorId, cancellationToken).ConfigureAwait(false);
        return created.Id
            ?? throw new CbServerException("The server answered a new Live Response session without an id.", 200, null, "POST", null);
    }

    private static async Task<LiveResponseSessionInfo> WaitUntilActiveAsync(ICbModelSession client, int sessionId, LiveResponseOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var info = await FetchInfoAsync(client, sessionId, cancellationToken).ConfigureAwait(false);
            if (info.Status == "active")
                return info;
            if (!info.IsOpen)
                throw new CbApiException($"Live Response session {sessionId} is '{info.Status}'", 200, null, "GET", null);

            TimeSpan left = options.SessionTimeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
                throw new CbTimeoutException("timeout polling for Live Response", "GET", null);
            await Task.Delay(left < options.SessionPollInterval ? left : options.SessionPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The session as the server describes it now.</summary>
    public static async Task<LiveResponseSessionInfo> FetchInfoAsync(ICbModelSession client, int sessionId, CancellationToken cancellationToken)
    {
        var session = await LiveResponseServerSession.FetchAsync(client, sessionId, cancellationToken).ConfigureAwait(false);
        return LiveResponseSessionInfo.From(session);
    }
}
