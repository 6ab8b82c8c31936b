using System.Diagnostics;
using System.Text.Json.Nodes;
using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>
/// A Live Response session on one sensor (cbapi's <c>LiveResponseSession</c>, from <c>sensor.lr_session()</c>): file,
/// process and registry commands run on the endpoint. Open one with <see cref="Sensor.OpenLiveResponseSessionAsync"/>
/// or <see cref="LiveResponseClientExtensions.OpenLiveResponseSessionAsync"/>; dispose it (or <see cref="CloseAsync"/>)
/// to close the server session.
/// </summary>
/// <remarks>
/// Each command is POSTed, then polled until <c>complete</c>; <c>error</c> is a <see cref="LiveResponseException"/>.
/// When the server has lost the session (a 404 on the POST that names the session or sensor), a session is found or
/// opened again and the command re-sent, at most <see cref="LiveResponseOptions.MaxCommandRetries"/> times.
/// Two session objects for one sensor share the server's session (an open one is reused); closing one closes it for
/// both, and the other opens a new one on its next command. Thread-safe.
/// </remarks>
public sealed partial class LiveResponseSession : IAsyncDisposable
{
    private readonly ICbModelSession _client;
    private readonly SemaphoreSlim _reopen = new(1, 1);
    private readonly CancellationTokenSource _stopKeepAlive = new();
    private readonly Task _keepAliveLoop;
    private LiveResponseSessionInfo _info;
    private int _closed;

    internal LiveResponseSession(ICbModelSession client, int sensorId, bool isWindows, LiveResponseOptions options, LiveResponseSessionInfo info)
    {
        _client = client;
        SensorId = sensorId;
        IsWindows = isWindows;
        Options = options;
        _info = info;
        _keepAliveLoop = options.KeepAliveInterval is { } interval ? KeepAliveLoopAsync(interval, _stopKeepAlive.Token) : Task.CompletedTask;
    }

    /// <summary>The sensor the session runs on.</summary>
    public int SensorId { get; }

    /// <summary>The server's current session id (it changes when the session had to be opened again).</summary>
    public int SessionId => Volatile.Read(ref _info).Id;

    /// <summary>The session as the server last described it (host, working directory, drives, supported commands).</summary>
    public LiveResponseSessionInfo Info => Volatile.Read(ref _info);

    /// <summary>Whether the endpoint runs Windows (the sensor's <c>os_type</c> 1): <c>\</c> paths, temp files in <c>c:\windows\temp</c>.</summary>
    public bool IsWindows { get; }

    /// <summary>The intervals and time limits this session waits with.</summary>
    public LiveResponseOptions Options { get; }

    /// <summary>Whether <see cref="CloseAsync"/> or dispose has run.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    internal static async Task<LiveResponseSession> OpenAsync(ICbModelSession client, int sensorId, bool isWindows, LiveResponseOptions? options, CancellationToken cancellationToken)
    {
        options ??= new LiveResponseOptions();
        options.Validate();
        var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        if (!info.LiveResponseEnabled)
            throw new CbApiException("Cb server does not support Live Response");
        var session = await LiveResponseConnector.GetOrCreateSessionAsync(client, sensorId, options, cancellationToken).ConfigureAwait(false);
        return new LiveResponseSession(client, sensorId, isWindows, options, session);
    }

    /// <summary>Reads the session again from the server (<c>GET /api/v1/cblr/session/{id}</c>) and returns it.</summary>
    public async Task<LiveResponseSessionInfo> RefreshAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        var info = await LiveResponseConnector.FetchInfoAsync(_client, SessionId, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _info, info);
        return info;
    }

    /// <summary>Resets the server's idle timer (<c>GET …/session/{id}/keepalive</c>); cbapi's optional keep-alive thread sends it every 30 s.</summary>
    public async Task KeepAliveAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        await SendKeepAliveAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task SendKeepAliveAsync(CancellationToken cancellationToken) =>
        LiveResponseServerSession.KeepAliveAsync(_client, SessionId, cancellationToken);

    /// <summary>cbapi's keepalive thread for this one session: a keepalive every <paramref name="interval"/> until closed.</summary>
    private async Task KeepAliveLoopAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    await SendKeepAliveAsync(stop).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Best effort, as in cbapi: a lost session is re-opened by the next command that needs it.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Closed.
        }
    }

    /// <summary>
    /// Closes the server session (GET it, PUT it back with <c>status: close</c>); errors are ignored, as in cbapi.
    /// Later calls do nothing.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
            return;
        // No keepalive may reach the server after the close.
        await _stopKeepAlive.CancelAsync().ConfigureAwait(false);
        await _keepAliveLoop.ConfigureAwait(false);
        await LiveResponseConnector.CloseSessionAsync(_client, SessionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the session (<see cref="CloseAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        _reopen.Dispose();
        _stopKeepAlive.Dispose();
    }

    /// <summary>Runs one command to completion and returns the completed command (its result in the typed result fields).</summary>
    private async Task<LiveResponseCommand> RunAsync(string name, LiveResponseCommandArguments? arguments, TimeSpan? timeout, TimeSpan? pollInterval, CancellationToken cancellationToken)
    {
        var (sessionId, commandId) = await PostCommandAsync(name, arguments, cancellationToken).ConfigureAwait(false);
        return await PollCommandAsync(sessionId, commandId, name, timeout ?? Options.CommandTimeout, pollInterval ?? Options.CommandPollInterval, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// POSTs a command (cbapi's <c>_lr_post_command</c>): a name the sensor does not support is refused before any
    /// request; a 404 naming the session or sensor (or with <c>status: NOT_FOUND</c>) opens a session again and
    /// re-sends; any other 404 is "Received 404 error from server".
    /// </summary>
    private Task<(int SessionId, int CommandId)> PostCommandAsync(string name, LiveResponseCommandArguments? arguments, CancellationToken cancellationToken) =>
        PostCommandAsync(name, (_, _) => ValueTask.FromResult(arguments), cancellationToken);

    /// <summary>
    /// <see cref="PostCommandAsync(string, LiveResponseCommandArguments?, CancellationToken)"/> with arguments made per
    /// attempt for the session it goes to (<paramref name="prepare"/> may send requests of its own, e.g. an upload
    /// whose id only that session knows; a lost session there is retried like one on the POST).
    /// </summary>
    private async Task<(int SessionId, int CommandId)> PostCommandAsync(string name, Func<int, CancellationToken, ValueTask<LiveResponseCommandArguments?>> prepare, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        var supported = Info.SupportedCommands;
        if (supported.Count > 0 && !supported.Contains(name, StringComparer.Ordinal))
            throw new CbApiException($"Command {name} not supported by this sensor");

        for (int attempt = 0; attempt < Options.MaxCommandRetries; attempt++)
        {
            int sessionId = SessionId;
            try
            {
                var arguments = await prepare(sessionId, cancellationToken).ConfigureAwait(false);
                // cbapi sends the session id in the body too.
                var members = new List<KeyValuePair<string, JsonNode?>> { new("session_id", sessionId) };
                if (arguments is not null)
                    members.AddRange(arguments.Members);
                var posted = await LiveResponseCommand.PostCommandAsync(_client, sessionId, name, arguments?.Target, members, cancellationToken).ConfigureAwait(false);
                int commandId = posted.Id
                    ?? throw new CbServerException($"The server answered command '{name}' without an id.", 200, null, "POST", null);
                return (sessionId, commandId);
            }
            catch (CbObjectNotFoundException e) when (IsSessionGone(e))
            {
                await ReopenAsync(sessionId, cancellationToken).ConfigureAwait(false);
            }
            catch (CbObjectNotFoundException e)
            {
                throw new CbApiException($"Received 404 error from server: {e.ServerMessage}", e.StatusCode, e.ServerMessage, e.Method, e.Path, e);
            }
        }

        throw new CbTimeoutException($"Command {name} failed after {Options.MaxCommandRetries} retries");
    }

    /// <summary>
    /// cbapi's test: the 404's reason starts with "Session" or "Sensor", or its JSON <c>status</c> is <c>NOT_FOUND</c>.
    /// The runtime keeps the reason as <see cref="CbApiException.ServerMessage"/> and the body (up to 512 bytes) in the message.
    /// </summary>
    private static bool IsSessionGone(CbObjectNotFoundException e) =>
        e.ServerMessage is { } reason && (reason.StartsWith("Session", StringComparison.Ordinal) || reason.StartsWith("Sensor", StringComparison.Ordinal))
        || e.Message.Contains("\"NOT_FOUND\"", StringComparison.Ordinal);

    /// <summary>Replaces the lost session <paramref name="lostSessionId"/> once, however many commands noticed it.</summary>
    private async Task ReopenAsync(int lostSessionId, CancellationToken cancellationToken)
    {
        await _reopen.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (SessionId != lostSessionId)
                return;
            var info = await LiveResponseConnector.GetOrCreateSessionAsync(_client, SensorId, Options, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _info, info);
        }
        finally
        {
            _reopen.Release();
        }
    }

    /// <summary>
    /// Polls a command until <c>complete</c> (cbapi's <c>poll_status</c>): GET, then wait, until the time is up. The
    /// completed command's result members (files, processes, values, …) differ per command: each is a field of the
    /// LiveResponseCommand spec, absent for the other kinds.
    /// </summary>
    private async Task<LiveResponseCommand> PollCommandAsync(int sessionId, int commandId, string name, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var command = await LiveResponseCommand.FetchAsync(_client, sessionId, commandId, cancellationToken).ConfigureAwait(false);
            string status = command.Status ?? string.Empty;
            if (status == "complete")
                return command;
            if (status is "error" or "cancel")
            {
                // result_code is an HRESULT, sometimes sent unsigned (2147942402): it wraps to the int it is.
                throw new LiveResponseException(name, commandId, status, command.ResultType,
                    command.ResultCode is long code ? unchecked((int)code) : null, command.ResultDesc);
            }

            TimeSpan left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
                throw new CbTimeoutException("timeout polling for Live Response", "GET", CommandPath(sessionId, commandId));
            await Task.Delay(left < pollInterval ? left : pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The URL a command is polled at (LiveResponseCommand's <c>command</c> route), for errors.</summary>
    internal static string CommandPath(int sessionId, int commandId) =>
        LiveResponseCommand.ModelInfo.Routes.Extra["command"].Variants[0].Expand(name => CbOperations.Text(name == "session_id" ? sessionId : commandId));

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(IsClosed, this);
}
