using System.Net;
using System.Security.Authentication;

namespace CbTyped.Extensions.DependencyInjection;

/// <summary>
/// The primary handler of the factory's HTTP client. Covers the default connection settings (certificate and host
/// name verified against the system trust store, TLS 1.2/1.3, the system proxy). For a profile with other TLS or proxy
/// settings the client builds its own handler instead (see <see cref="NeedsRuntimeHandler"/>), until the runtime
/// exposes its handler builder (requested in coord/requests.md) — never a weaker connection than the profile asks for.
/// </summary>
internal static class CbPrimaryHandler
{
    public static HttpMessageHandler Create(CbCredentials credentials, CbResponseClientOptions options)
    {
        _ = credentials;
        _ = options;
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 16,
        };
        handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        return handler;
    }

    /// <summary>True when the profile or options ask for TLS or proxy settings the default handler does not have.</summary>
    public static bool NeedsRuntimeHandler(CbCredentials credentials, CbResponseClientOptions options) =>
        !(options.VerifyServerCertificate ?? credentials.SslVerify)
        || !(options.VerifyHostname ?? credentials.SslVerifyHostname)
        || (options.CaCertificateFile ?? credentials.SslCertFile) is not null
        || (options.ForceTls12 ?? credentials.SslForceTls12)
        || (options.Proxy ?? credentials.Proxy) is not null
        || (options.IgnoreSystemProxy ?? credentials.IgnoreSystemProxy);
}
