namespace CbTyped;

/// <summary>
/// The settings in force for one client: the options' explicit values over the credentials' keys over cbapi's
/// defaults. Also enforces cbapi's "https only" rule unless the caller allowed http.
/// </summary>
internal sealed record CbConnectionSettings(
    Uri BaseUrl,
    bool VerifyServerCertificate,
    bool VerifyHostname,
    string? CaCertificateFile,
    bool ForceTls12,
    Uri? Proxy,
    bool IgnoreSystemProxy)
{
    public static CbConnectionSettings Resolve(CbCredentials credentials, CbResponseClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        var url = credentials.Url;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new CbCredentialsException($"Server URL must be a URL: eg. https://localhost (from {credentials.Source}).");
        if (url.Scheme == Uri.UriSchemeHttp && !options.AllowInsecureHttp)
            throw new CbCredentialsException(
                $"Server URL {url} (from {credentials.Source}) is plain http; the token would travel unencrypted. " +
                "Use https, or set CbResponseClientOptions.AllowInsecureHttp for a local test server.");
        if (string.IsNullOrWhiteSpace(credentials.Token))
            throw new CbCredentialsException($"No API token specified (from {credentials.Source}).");

        var baseUrl = new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/'), UriKind.Absolute);
        return new CbConnectionSettings(
            baseUrl,
            options.VerifyServerCertificate ?? credentials.SslVerify,
            options.VerifyHostname ?? credentials.SslVerifyHostname,
            options.CaCertificateFile ?? credentials.SslCertFile,
            options.ForceTls12 ?? credentials.SslForceTls12,
            options.Proxy ?? credentials.Proxy,
            options.IgnoreSystemProxy ?? credentials.IgnoreSystemProxy);
    }
}
