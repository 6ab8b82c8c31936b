using Microsoft.Extensions.Logging;

namespace CbTyped;

/// <summary>
/// How a <see cref="CbResponseClient"/> talks to the server. Every setting has cbapi's default; the TLS and proxy
/// settings left null are taken from the <see cref="CbCredentials"/> (a credentials profile's <c>ssl_verify</c>,
/// <c>ssl_cert_file</c>, <c>proxy</c>, …), and a value set here wins over the profile.
/// </summary>
public sealed class CbResponseClientOptions
{
    /// <summary>How long one HTTP attempt may take, headers and body (cbapi: 120 s). <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

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
    /// The caller's own <see cref="System.Net.Http.HttpClient"/>. The client sends absolute URLs and its own headers on
    /// each request, never changes the instance and never disposes it. The TLS and proxy settings above do not apply.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The caller's own handler (e.g. with extra <see cref="DelegatingHandler"/>s); not disposed by the client. The TLS and
    /// proxy settings above do not apply. Ignored when <see cref="HttpClient"/> is set.
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Rows per request for paged queries (cbapi's batch size, 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Appended to the User-Agent (cbapi's <c>integration_name</c>), e.g. "MyTool/1.2".</summary>
    public string? ApplicationId { get; set; }
}

/// <summary>Retries of idempotent requests: bounded, exponential with jitter, honouring <c>Retry-After</c>.</summary>
public sealed class CbRetryOptions
{
    /// <summary>Retries after the first attempt (default 3; 0 turns retries off).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay; later ones double, with jitter (default 0.5 s).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest wait before a retry, including a server's <c>Retry-After</c> (default 30 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The identity cache: one model instance per (type, key) within a time and size bound.</summary>
public sealed class CbCacheOptions
{
    /// <summary>Keep the identity cache (default true). Off: every get makes a request and returns a new object.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an object stays after it was loaded (cbapi: 60 s). Reads do not extend it.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many objects are kept; the least recently used leaves first (cbapi: 1024).</summary>
    public int MaxSize { get; set; } = 1024;
}
