using Microsoft.Extensions.Logging;

namespace CbTyped;

/// <summary>
/// How a <see cref="CbResponseClient"/> talks to the server. Every setting has cbapi's default; the TLS and proxy
/// settings left null are taken from the <see cref="CbCredentials"/> (a credentials profile's <c>ssl_verify</c>,
/// <c>ssl_cert_file</c>, <c>proxy</c>, …), and a value set here wins over the profile.
/// </summary>
public sealed class CbResponseClientOptions
{
    private long _maxResponseBytes = 256L * 1024 * 1024;
    private long? _maxStreamedResponseBytes;
    private int _pagesInFlight = 8;

    /// <summary>
    /// How long one HTTP attempt may take, headers and body (cbapi: 120 s); for a streamed body
    /// (<see cref="CbResponseClient.SendStreamingAsync"/>: downloads) the headers, then each read of the body: a download
    /// may take as long as it needs, but a server that sends nothing for this long is a <see cref="CbTimeoutException"/>.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits forever.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The largest response body read into memory (every JSON answer), in bytes; default 256 MiB. The largest real
    /// answers fit well under it: a 10,000-row process search page is about 20 MB, the biggest event segments tens of
    /// MB. A declared <c>Content-Length</c> over it is refused before anything is allocated; a chunked or compressed
    /// body stops as soon as it passes it (counted after decompression, so a gzip bomb stops too). Either way it is a
    /// <see cref="CbResponseTooLargeException"/>. At most <see cref="Array.MaxLength"/> bytes are buffered whatever the value.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long MaxResponseBytes
    {
        get => _maxResponseBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxResponseBytes = value;
        }
    }

    /// <summary>
    /// The largest streamed response body (<see cref="CbResponseClient.SendStreamingAsync"/>: binary downloads, Live
    /// Response files, installers), in bytes; null (the default) is unlimited, since such bodies never sit in memory.
    /// Set, a declared length over it is refused at the headers and a longer body fails the read that passes it, with
    /// <see cref="CbResponseTooLargeException"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long? MaxStreamedResponseBytes
    {
        get => _maxStreamedResponseBytes;
        set
        {
            if (value is { } bytes)
                ArgumentOutOfRangeException.ThrowIfNegative(bytes);
            _maxStreamedResponseBytes = value;
        }
    }

    /// <summary>Retries of idempotent requests (GET, PUT, DELETE); a POST is never sent twice.</summary>
    public CbRetryOptions Retry { get; } = new();

    /// <summary>The identity cache of model objects.</summary>
    public CbCacheOptions Cache { get; } = new();

    /// <summary>Verify the server's certificate (null: the credentials' <c>ssl_verify</c>, true by default). False trusts any certificate.</summary>
    public bool? VerifyServerCertificate { get; set; }

    /// <summary>Check that the certificate names the host (null: <c>ssl_verify_hostname</c>, true by default).</summary>
    public bool? VerifyHostname { get; set; }

    /// <summary>A PEM file of CA certificates that replaces the system trust store (null: <c>ssl_cert_file</c>).</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>Allow TLS 1.2 only (null: <c>ssl_force_tls_1_2</c>). Otherwise TLS 1.2 and 1.3; older versions are never allowed.</summary>
    public bool? ForceTls12 { get; set; }

    /// <summary>A proxy for every request (null: the credentials' <c>proxy</c>, else the system's).</summary>
    public Uri? Proxy { get; set; }

    /// <summary>Ignore the system's proxy settings (null: <c>ignore_system_proxy</c>).</summary>
    public bool? IgnoreSystemProxy { get; set; }

    /// <summary>
    /// Accept an <c>http://</c> server URL on any host. Off by default: cbapi requires https. Plain http to a loopback
    /// address (127.0.0.0/8, <c>[::1]</c>, <c>localhost</c>, e.g. the emulator) is accepted without it, because the token
    /// never leaves the machine.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Where log lines go (category <c>CbTyped</c>); null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Follow a redirect (301, 302, 303, 307, 308) when it stays on the configured server's origin (same scheme, host
    /// and port) and the request is a GET or HEAD, up to 5 hops (default true). False follows none. Either way a
    /// redirect to another origin, from https to http, or of a POST, PUT or DELETE is never followed: it is a
    /// <see cref="CbRedirectException"/> and nothing (least of all the API token) is sent to the target.
    /// </summary>
    public bool FollowRedirects { get; set; } = true;

    /// <summary>
    /// The caller's own <see cref="System.Net.Http.HttpClient"/>. The client sends absolute URLs and its own headers on
    /// each request, never changes the instance and never disposes it. The TLS and proxy settings above do not apply.
    /// <para>
    /// Redirects: build its handler with <c>AllowAutoRedirect = false</c> (as <see cref="CbResponseClient.CreateHttpHandler"/>
    /// does) so that the client decides them (see <see cref="FollowRedirects"/>). A handler that follows redirects itself
    /// sends the <c>X-Auth-Token</c> header to wherever the server points, which the client cannot prevent; it can only
    /// notice afterwards that the answer came from another origin (or from a redirected POST, PUT or DELETE) and throw
    /// <see cref="CbRedirectException"/> instead of returning it.
    /// </para>
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The caller's own handler (e.g. with extra <see cref="DelegatingHandler"/>s); not disposed by the client. The TLS and
    /// proxy settings above do not apply. Ignored when <see cref="HttpClient"/> is set. Redirects: as for
    /// <see cref="HttpClient"/>, give it <c>AllowAutoRedirect = false</c>; a handler that follows redirects itself sends
    /// the token to the target, and the client can only throw <see cref="CbRedirectException"/> afterwards.
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Rows per request for paged queries (cbapi's batch size, 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Page requests a paged query keeps in flight ahead of the page being read (default 8; per query:
    /// <c>CbQuery.PagesInFlight</c>). Rows still come in order and at most this many pages plus the one being read are
    /// held. 1 asks for the next page only while the current one is read (one page ahead, the behaviour before this
    /// option); more overlaps the server's time per page (0.1–0.5 s on real servers), which dominates a large export:
    /// at 200 ms per page, 8 read 10,000 rows in under a fifth of the time 1 takes (docs/benchmarks.md). The built-in
    /// handler opens at most 16 connections to the server, so values above 15 only queue.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int PagesInFlight
    {
        get => _pagesInFlight;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _pagesInFlight = value;
        }
    }

    /// <summary>Appended to the User-Agent (cbapi's <c>integration_name</c>), e.g. "MyTool/1.2".</summary>
    public string? ApplicationId { get; set; }
}
