using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CbTyped.Events.Sources;

/// <summary>
/// A small HTTP listener for the event forwarder's HTTP output (<c>output_type=http</c>): each POST carries one or
/// many JSON events (the forwarder's default template wraps them in <c>{"alerts": [ … ]}</c>), handed, decoded, to
/// the same handlers and event types as the bus consumer. Each event becomes a <see cref="CbBusMessage"/> whose
/// routing key is its <c>type</c> and whose content type is <c>application/json</c>.
/// </summary>
/// <remarks>
/// Listens on loopback by default. A POST is answered 200 only after every event in it was handled (or, with
/// <see cref="ReadAllAsync"/>, after the loop asked for the event after its last one); a handler that throws makes
/// the answer 500, and the forwarder sends the whole POST again later (at-least-once: the other events of that
/// POST come again too). A body over <see cref="CbForwarderHttpOptions.MaxBodyBytes"/> gets 413, a body that is not
/// JSON 400, a wrong <c>Authorization</c> 401; an event that is not an object with a string <c>type</c> is logged and
/// skipped. See docs/events.md.
/// </remarks>
public sealed class CbForwarderHttpSource : ICbEventSource
{
    private const int MaxConcurrentPosts = 4;
    private readonly CbForwarderHttpOptions _options;
    private readonly CbEventHandlerRegistry _handlers;
    private readonly ILogger _logger;
    private readonly SourceMode _mode = new();
    private readonly Channel<Post> _posts = Channel.CreateBounded<Post>(new BoundedChannelOptions(MaxConcurrentPosts) { SingleReader = true });
    private readonly SemaphoreSlim _inFlight = new(MaxConcurrentPosts);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _path;
    private HttpListener? _listener;
    private Task? _accepting;
    private long _postCount;
    private long _skipped;
    private bool _disposed;

    /// <summary>Creates a source; it listens from <see cref="StartAsync"/> (or the first read).</summary>
    public CbForwarderHttpSource(CbForwarderHttpOptions options, ILogger<CbForwarderHttpSource>? logger = null)
        : this(options, new CbEventHandlerRegistry(), logger)
    {
    }

    /// <summary>Creates a source that runs the handlers of <paramref name="handlers"/> (which other sources, such as
    /// the bus consumer, may share).</summary>
    public CbForwarderHttpSource(CbForwarderHttpOptions options, CbEventHandlerRegistry handlers, ILogger<CbForwarderHttpSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options.Address, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBodyBytes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxBodyBytes, Array.MaxLength, nameof(options));
        ArgumentException.ThrowIfNullOrEmpty(options.EventsProperty, nameof(options));
        _options = options;
        _handlers = handlers;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _path = "/" + (options.Path ?? "").Trim('/');
    }

    /// <summary>The handlers this source runs.</summary>
    public CbEventHandlerRegistry Handlers => _handlers;

    /// <summary>The URL to give the forwarder as <c>httpout</c>, once started; null before.</summary>
    public Uri? Url { get; private set; }

    /// <summary>Events skipped so far (not an object with a <c>type</c>, or rejected by the decoder).</summary>
    public long SkippedEvents => Interlocked.Read(ref _skipped);

    /// <summary>Runs <paramref name="handler"/> for every event whose routing key (its <c>type</c>) matches
    /// <paramref name="pattern"/> (topic rules).</summary>
    public CbForwarderHttpSource On(string pattern, Func<CbBusEvent, CancellationToken, Task> handler)
    {
        _handlers.On(pattern, handler);
        return this;
    }

    /// <summary>Like <see cref="On"/>, for events of type <typeparamref name="TEvent"/> only.</summary>
    public CbForwarderHttpSource On<TEvent>(string pattern, Func<TEvent, CancellationToken, Task> handler) where TEvent : CbBusEvent
    {
        _handlers.On(pattern, handler);
        return this;
    }

    /// <summary>Starts listening (see <see cref="Url"/>). POSTs wait for <see cref="RunAsync"/> or
    /// <see cref="ReadAllAsync"/> to take their events.</summary>
    /// <exception cref="HttpListenerException">The address or port cannot be listened on.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_listener is not null)
            return Task.CompletedTask;
        _handlers.Freeze();
        var port = _options.Port == 0 ? FreePort(_options.Address) : _options.Port;
        var host = _options.Address.Equals(IPAddress.Any) || _options.Address.Equals(IPAddress.IPv6Any)
            ? "+"
            : _options.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{_options.Address}]" : _options.Address.ToString();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://{host}:{port}{_path.TrimEnd('/')}/");
        listener.Start();
        _listener = listener;
        var shown = host == "+" ? "127.0.0.1" : host;
        Url = new Uri($"http://{shown}:{port}{_path}");
        HttpSourceLog.Listening(_logger, Url.ToString());
        _accepting = Task.Run(AcceptAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Runs the matching handlers for each event, POST by POST in arrival order, until
    /// <paramref name="cancellationToken"/> fires; returns after the POST in flight is answered.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        _mode.TakeHandlers();
        await StartAsync(cancellationToken).ConfigureAwait(false);
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } post)
        {
            var ok = true;
            for (var i = 0; i < post.Events.Count && ok; i++)
            {
                var (evt, index) = post.Events[i];
                try
                {
                    if (await _handlers.DispatchAsync(evt, _stop.Token).ConfigureAwait(false) == 0)
                        HttpSourceLog.Unhandled(_logger, post.Number, index, evt.RoutingKey, evt.GetType().Name);
                }
#pragma warning disable CA1031 // a handler's failure must never stop the source: the POST is answered 500
                catch (Exception e)
#pragma warning restore CA1031
                {
                    HttpSourceLog.HandlerFailed(_logger, e, post.Number, index, evt.RoutingKey);
                    ok = false;
                }
            }
            post.Done.TrySetResult(ok);
        }
    }

    /// <summary>Every event as it arrives, until <paramref name="cancellationToken"/> fires. A POST is answered 200
    /// when the loop asks for the event after its last one; if the loop stops in the middle, 503 (the forwarder
    /// sends it again).</summary>
    public async IAsyncEnumerable<CbBusEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _mode.TakeReader();
        await StartAsync(cancellationToken).ConfigureAwait(false);
        Post? pending = null;
        try
        {
            while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } post)
            {
                pending = post;
                foreach (var (evt, _) in post.Events)
                    yield return evt;
                pending = null;
                post.Done.TrySetResult(true);
            }
        }
        finally
        {
            pending?.Done.TrySetResult(false);
        }
    }

    private async ValueTask<Post?> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _posts.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                await _inFlight.WaitAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // stopped
            }
            try
            {
                context = await _listener!.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException or HttpListenerException or InvalidOperationException)
            {
                _inFlight.Release();
                return; // stopped
            }
            _ = Task.Run(async () =>
            {
                try { await HandleAsync(context).ConfigureAwait(false); }
                finally { _inFlight.Release(); }
            });
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var number = Interlocked.Increment(ref _postCount);
        var remote = request.RemoteEndPoint?.ToString() ?? "?";
        try
        {
            var (status, reason) = await ReceiveAsync(request, number).ConfigureAwait(false);
            if (status != 200)
                HttpSourceLog.Refused(_logger, number, remote, status, reason);
            await AnswerAsync(context.Response, status, reason).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            HttpSourceLog.Refused(_logger, number, remote, 0, "connection lost: " + e.Message);
            context.Response.Abort();
        }
    }

    private async Task<(int Status, string Reason)> ReceiveAsync(HttpListenerRequest request, long number)
    {
        if (!string.Equals(request.HttpMethod, "POST", StringComparison.Ordinal))
            return (405, "only POST is accepted");
        if (!string.Equals(request.Url?.AbsolutePath.TrimEnd('/'), _path.TrimEnd('/'), StringComparison.Ordinal))
            return (404, "not the configured path");
        if (_options.AuthorizationToken is { } token && !TokenMatches(request.Headers["Authorization"], token))
            return (401, "missing or wrong Authorization header");
        if (request.ContentLength64 > _options.MaxBodyBytes)
            return (413, $"body of {request.ContentLength64} bytes is over the {_options.MaxBodyBytes}-byte limit");
        var encoding = request.Headers["Content-Encoding"];
        if (encoding is not null && !encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            return (415, "unsupported Content-Encoding " + encoding);
        byte[]? body;
        await using (var input = request.InputStream)
        {
            Stream reader = encoding is not null && encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true)
                : input;
            try
            {
                body = await ReadLimitedAsync(reader, _options.MaxBodyBytes, _stop.Token).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                return (400, "the gzip body does not decompress: " + e.Message);
            }
            finally
            {
                if (!ReferenceEquals(reader, input))
                    await reader.DisposeAsync().ConfigureAwait(false);
            }
        }
        if (body is null)
            return (413, $"body is over the {_options.MaxBodyBytes}-byte limit");

        List<ReadOnlyMemory<byte>> parts;
        try
        {
            parts = ForwarderJson.SplitPost(body, _options.EventsProperty);
        }
        catch (JsonException e)
        {
            return (400, "the body is not JSON: " + e.Message);
        }
        var events = new List<(CbBusEvent, int)>();
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var evt in Decode(parts[i], number, i))
                events.Add((evt, i));
        }
        if (events.Count == 0)
            return (200, "no events");
        var post = new Post(number, events);
        try
        {
            await _posts.Writer.WriteAsync(post, _stop.Token).ConfigureAwait(false);
            return await post.Done.Task.WaitAsync(_stop.Token).ConfigureAwait(false)
                ? (200, "ok")
                : (500, "a handler failed; send the POST again");
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return (503, "the source is stopping");
        }
    }

    private IReadOnlyList<CbBusEvent> Decode(ReadOnlyMemory<byte> json, long number, int index)
    {
        var type = ForwarderJson.ReadType(json.Span, out var error);
        if (type is not null)
        {
            try
            {
                return _options.Decoder.Decode(new CbBusMessage(type, ForwarderJson.ContentType, json));
            }
            catch (CbEventDecodeException e)
            {
                error = e.Message;
            }
        }
        Interlocked.Increment(ref _skipped);
        HttpSourceLog.BadEvent(_logger, number, index, error!);
        return [];
    }

    /// <summary>Reads to the end, or returns null as soon as more than <paramref name="limit"/> bytes came: a
    /// chunked or compressed body has no length to check first, and a sender's length is not trusted.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool TokenMatches(string? sent, string expected) =>
        sent is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));

    private static async Task AnswerAsync(HttpListenerResponse response, int status, string reason)
    {
        var text = Encoding.UTF8.GetBytes(reason + "\n");
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = text.Length;
        await response.OutputStream.WriteAsync(text).ConfigureAwait(false);
        response.Close();
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Stops listening; POSTs not yet handled are answered 503, so the forwarder sends them again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        _posts.Writer.TryComplete();
        while (_posts.Reader.TryRead(out var post))
            post.Done.TrySetResult(false);
        if (_listener is { } listener)
        {
            listener.Stop();
            listener.Close();
        }
        if (_accepting is { } accepting)
            await accepting.ConfigureAwait(false);
        for (var i = 0; i < MaxConcurrentPosts; i++)
            await _inFlight.WaitAsync().ConfigureAwait(false); // every POST in flight has been answered
        _stop.Dispose();
        _inFlight.Dispose();
    }

    /// <summary>The events of one POST and the answer it is waiting for.</summary>
    private sealed record Post(long Number, List<(CbBusEvent Event, int Index)> Events)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
