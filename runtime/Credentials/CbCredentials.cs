namespace CbTyped;

/// <summary>
/// Where and how to reach a Cb Response server: its URL, the API token and cbapi's connection keys. Built explicitly,
/// or read by <see cref="CbCredentialStore"/> from a cbapi credentials profile or the <c>CBAPI_*</c> environment.
/// </summary>
/// <remarks><see cref="ToString"/> never shows the token.</remarks>
public sealed class CbCredentials
{
    private readonly Uri _url = null!;
    private readonly string _token = null!;

    /// <summary>Credentials with a URL and a token and every other key at cbapi's default.</summary>
    /// <exception cref="CbCredentialsException">The URL or the token contains a control character (CR, LF, NUL, …).</exception>
    public CbCredentials(Uri url, string token)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(token);
        Url = url;
        Token = token;
    }

    /// <summary>The server's base URL (<c>url</c>), e.g. <c>https://cb.example.com:8443</c>.</summary>
    /// <exception cref="CbCredentialsException">The URL contains a control character.</exception>
    public Uri Url
    {
        get => _url;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            ControlCharacters.Refuse(value.OriginalString, "The server URL (parameter 'url')");
            _url = value;
        }
    }

    /// <summary>The API token (<c>token</c>), sent as <c>X-Auth-Token</c>.</summary>
    /// <exception cref="CbCredentialsException">The token contains a control character: it would end the header and start another.</exception>
    public string Token
    {
        get => _token;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            ControlCharacters.Refuse(value, "The API token (parameter 'token')");
            _token = value;
        }
    }

    /// <summary><c>ssl_verify</c>: verify the server certificate (default true).</summary>
    public bool SslVerify { get; init; } = true;

    /// <summary><c>ssl_verify_hostname</c>: false verifies the chain but not the host name (default true).</summary>
    public bool SslVerifyHostname { get; init; } = true;

    /// <summary><c>ssl_cert_file</c>: a PEM file of CA certificates used as the trust store.</summary>
    public string? SslCertFile { get; init; }

    /// <summary><c>ssl_force_tls_1_2</c>: allow TLS 1.2 only (by default TLS 1.2 and 1.3 are allowed; older never).</summary>
    public bool SslForceTls12 { get; init; }

    /// <summary><c>proxy</c>: one proxy URL used for http and https.</summary>
    public Uri? Proxy { get; init; }

    /// <summary><c>ignore_system_proxy</c>: ignore the proxy environment variables.</summary>
    public bool IgnoreSystemProxy { get; init; }

    /// <summary><c>org_key</c>: read for compatibility; Cb Response does not use it.</summary>
    public string? OrgKey { get; init; }

    /// <summary>Keys of the profile that cbapi reads but Cb Response does not use (e.g. <c>rabbitmq_*</c>), by name.</summary>
    public IReadOnlyDictionary<string, string> OtherKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>Where these credentials came from: "explicit", "environment", or "profile 'x' in FILE" (the one file it was read from).</summary>
    public string Source { get; init; } = "explicit";

    /// <inheritdoc />
    public override string ToString() => $"{Url} (token redacted; from {Source})";
}
