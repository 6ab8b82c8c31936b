using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CbTyped;

/// <summary>
/// The entry point to a Cb Response server: typed queries and models (see the <c>Select</c>, <c>GetAsync</c>,
/// <c>SaveAsync</c> members), server info and raw requests. Thread-safe; create one per server and reuse it; dispose
/// it when done. Every member is virtual and a protected constructor exists, so tests can mock it.
/// </summary>
public partial class CbResponseClient : IDisposable
{
    private readonly CbHttpTransport _transport = null!;
    private readonly object _infoLock = new();
    private Task<CbServerInfo>? _serverInfo;
    private bool _disposed;

    /// <summary>For mocking only: a client that has no connection. Override the members a test uses.</summary>
    protected CbResponseClient()
    {
        Options = new CbResponseClientOptions();
        Logger = NullLogger.Instance;
    }

    /// <summary>A client for <paramref name="url"/> (https) with an API token.</summary>
    public CbResponseClient(Uri url, string token)
        : this(new CbCredentials(url, token), null)
    {
    }

    /// <summary>A client for <paramref name="url"/> with an API token and options.</summary>
    public CbResponseClient(Uri url, string token, CbResponseClientOptions? options)
        : this(new CbCredentials(url, token), options)
    {
    }

    /// <summary>A client from credentials (e.g. <see cref="CbCredentialStore.LoadProfile"/>) and options.</summary>
    /// <exception cref="CbCredentialsException">The URL is not https (and http was not allowed) or the token is empty.</exception>
    public CbResponseClient(CbCredentials credentials, CbResponseClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Options = options ?? new CbResponseClientOptions();
        Logger = Options.LoggerFactory?.CreateLogger(CbLog.Category) ?? NullLogger.Instance;
        _transport = new CbHttpTransport(credentials, Options, Logger);
        InitializeModelSupport();
    }

    /// <summary>A client from a cbapi credentials profile (<c>~/.carbonblack/credentials.response</c> and the other files).</summary>
    public static CbResponseClient FromProfile(string profile = CbCredentialStore.DefaultProfile, CbResponseClientOptions? options = null) =>
        new(CbCredentialStore.LoadProfile(profile, null, options?.LoggerFactory?.CreateLogger(CbLog.Category)), options);

    /// <summary>cbapi's default lookup: <c>CBAPI_URL</c>/<c>CBAPI_TOKEN</c> when both are set, else the profile.</summary>
    public static CbResponseClient FromEnvironmentOrProfile(string profile = CbCredentialStore.DefaultProfile, CbResponseClientOptions? options = null) =>
        new(CbCredentialStore.Resolve(profile, null, options?.LoggerFactory?.CreateLogger(CbLog.Category)), options);

    /// <summary>
    /// The HTTP handler this client would build for <paramref name="credentials"/> and <paramref name="options"/>:
    /// pooled connections, gzip/deflate/brotli, TLS 1.2 or newer (1.2 only with <c>ssl_force_tls_1_2</c>), certificate
    /// and host name verification as the profile says (<c>ssl_verify</c>, <c>ssl_verify_hostname</c>), the CA file
    /// (<c>ssl_cert_file</c>) as the only trusted roots, and the proxy keys (<c>proxy</c>, <c>ignore_system_proxy</c>).
    /// For <c>IHttpClientFactory</c> users: make it the primary handler and pass the factory's client as
    /// <see cref="CbResponseClientOptions.HttpClient"/>, so TLS and proxy settings hold under your own handlers.
    /// The caller owns (and disposes) the handler.
    /// </summary>
    /// <exception cref="CbCredentialsException">The URL is not https (and http was not allowed), the token is empty, or the CA file cannot be read.</exception>
    public static SocketsHttpHandler CreateHttpHandler(CbCredentials credentials, CbResponseClientOptions? options = null) =>
        CbHttpHandlerFactory.Create(CbConnectionSettings.Resolve(credentials, options ?? new CbResponseClientOptions()));

    /// <summary>The server's base URL (no trailing slash).</summary>
    public virtual Uri Url => _transport.BaseUrl;

    /// <summary>The options this client was built with. Changing them after construction has no effect.</summary>
    public virtual CbResponseClientOptions Options { get; }

    internal ILogger Logger { get; }

    /// <summary>The server's address and port for spans and metrics (null on a mock client).</summary>
    internal CbServerTags? ServerTags => _transport?.ServerTags;

    /// <summary>
    /// The server's <c>/api/info</c> and version-dependent behaviour, fetched once on first use (cbapi's start-up:
    /// 401 → "Invalid API token", a server older than 5.0 is refused, 6.0+ checks for legacy event partitions).
    /// A failed attempt is not remembered: the next call tries again.
    /// </summary>
    public virtual Task<CbServerInfo> GetServerInfoAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_infoLock)
        {
            if (_serverInfo is null || _serverInfo.IsFaulted || _serverInfo.IsCanceled)
                _serverInfo = CbServerInfoLoader.LoadAsync(this, cancellationToken);
            return _serverInfo;
        }
    }

    /// <summary>Synchronous <see cref="GetServerInfoAsync"/>.</summary>
    public virtual CbServerInfo GetServerInfo(CancellationToken cancellationToken = default) =>
        CbSync.Run(ct => GetServerInfoAsync(ct), cancellationToken);

    /// <summary>
    /// Sends a raw request to <paramref name="pathAndQuery"/> (e.g. <c>/api/v1/sensor/3/queued</c>) with the client's
    /// authentication, timeout, retry (idempotent methods only), logging and error mapping, and returns the successful
    /// response with its body read. For hand-written model code that needs an endpoint no spec describes.
    /// </summary>
    public virtual Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidatePath(pathAndQuery);
        return _transport.SendAsync(method, pathAndQuery, content, streamBody: false, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="SendAsync"/> but returns as soon as the headers arrive, for large downloads; dispose the response.
    /// However the body is read, each read waits at most <see cref="CbResponseClientOptions.Timeout"/> for data
    /// (<see cref="CbTimeoutException"/>), a broken connection is a <see cref="CbConnectionException"/>, and a body over
    /// <see cref="CbResponseClientOptions.MaxStreamedResponseBytes"/> (if set) a <see cref="CbResponseTooLargeException"/>.
    /// </summary>
    public virtual Task<HttpResponseMessage> SendStreamingAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidatePath(pathAndQuery);
        return _transport.SendAsync(method, pathAndQuery, content, streamBody: true, cancellationToken);
    }

    /// <summary>
    /// Sends a request with an optional JSON body and parses the answer (cbapi's <c>get_object</c>/<c>api_json_request</c>):
    /// an empty body (e.g. 204) gives null; a body that is not JSON, or one with <c>errorMessage</c>, is a <see cref="CbServerException"/>.
    /// </summary>
    public virtual async Task<JsonDocument?> SendJsonAsync(HttpMethod method, string pathAndQuery, ReadOnlyMemory<byte>? jsonBody = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        using var content = jsonBody is { } body ? JsonContent(body) : null;
        if (jsonBody is { } logged && Logger.IsEnabled(LogLevel.Debug))
            CbLog.SendingBody(Logger, method.Method, pathAndQuery, CbErrorMapper.BodyText(logged.Span));
        using var response = await SendAsync(method, pathAndQuery, content, cancellationToken).ConfigureAwait(false);
        var bytes = await CbBufferedContent.BodyOfAsync(response, cancellationToken).ConfigureAwait(false);
        return CbResponseJson.Parse(bytes, (int)response.StatusCode, method.Method, pathAndQuery);
    }

    /// <summary>Synchronous <see cref="SendJsonAsync"/>.</summary>
    public virtual JsonDocument? SendJson(HttpMethod method, string pathAndQuery, ReadOnlyMemory<byte>? jsonBody = null, CancellationToken cancellationToken = default) =>
        CbSync.Run(ct => SendJsonAsync(method, pathAndQuery, jsonBody, ct), cancellationToken);

    internal static ByteArrayContent JsonContent(ReadOnlyMemory<byte> body)
    {
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static void ValidatePath(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (!pathAndQuery.StartsWith('/'))
            throw new ArgumentException("The path must start with '/', e.g. /api/info.", nameof(pathAndQuery));
    }

    /// <summary>Closes the connections this client opened (never a caller's own HttpClient or handler).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the transport when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
            return;
        _disposed = true;
        if (disposing)
            _transport?.Dispose();
    }

    partial void InitializeModelSupport();
}
