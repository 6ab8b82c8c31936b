namespace CbTyped;

/// <summary>
/// The settings in force for one client: the options' explicit values over the credentials' keys over cbapi's
/// defaults. Also enforces cbapi's "https only" rule, except for loopback addresses (where the token never leaves the
/// machine, e.g. the emulator) and unless the caller allowed http.
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
        if (url.Scheme == Uri.UriSchemeHttp && !options.AllowInsecureHttp && !IsLoopback(url))
            throw new CbCredentialsException(
                $"Server URL {url} (from {credentials.Source}) is plain http to a host that is not a loopback address; " +
                "the token would travel unencrypted. Use https. To send it over http anyway (a test server on a network " +
                "you trust), set CbResponseClientOptions.AllowInsecureHttp = true in code, or pass --allow-insecure-http " +
                "to the cbtyped CLI. http to 127.0.0.0/8, [::1] and localhost needs neither.");
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

    /// <summary>
    /// 127.0.0.0/8, ::1 (and IPv4-mapped loopback) or the name <c>localhost</c>: traffic that stays on this machine.
    /// Other names are not resolved here: a name that resolves to a loopback address today may not tomorrow.
    /// </summary>
    internal static bool IsLoopback(Uri url)
    {
        var host = url.IdnHost;
        if (System.Net.IPAddress.TryParse(host, out var address))
            return System.Net.IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        return string.Equals(host.TrimEnd('.'), "localhost", StringComparison.OrdinalIgnoreCase);
    }
}
