using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace CbTyped;

/// <summary>
/// Builds the <see cref="SocketsHttpHandler"/> for a client: pooled connections, gzip/deflate/brotli, no automatic
/// redirects, TLS 1.2 or newer, certificate verification on unless turned off, an optional CA file as the whole trust
/// store, and cbapi's proxy keys.
/// </summary>
internal static class CbHttpHandlerFactory
{
    public static SocketsHttpHandler Create(CbConnectionSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            // Recycle pooled connections now and then so DNS changes are seen; connections are otherwise reused.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 16,
            // The transport decides redirects (CbRedirectPolicy): the handler would send X-Auth-Token to any host.
            AllowAutoRedirect = false,
        };
        handler.SslOptions.EnabledSslProtocols = settings.ForceTls12 ? SslProtocols.Tls12 : SslProtocols.Tls12 | SslProtocols.Tls13;

        if (!settings.VerifyServerCertificate)
        {
            // The caller turned verification off explicitly (ssl_verify=false); cbapi's opt-out, never the default.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else
        {
            if (settings.CaCertificateFile is { } caFile)
                handler.SslOptions.CertificateChainPolicy = TrustOnly(caFile);
            if (!settings.VerifyHostname)
                handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, errors) =>
                    (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        if (settings.Proxy is { } proxy)
        {
            handler.Proxy = new WebProxy(proxy);
            handler.UseProxy = true;
        }
        else if (settings.IgnoreSystemProxy)
        {
            handler.UseProxy = false;
        }
        return handler;
    }

    /// <summary>cbapi's <c>ssl_cert_file</c>: the file's certificates are the only roots trusted.</summary>
    private static X509ChainPolicy TrustOnly(string caFile)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new CbCredentialsException($"Cannot read the CA certificate file {caFile}: {e.Message}", e);
        }
        if (roots.Count == 0)
            throw new CbCredentialsException($"The CA certificate file {caFile} holds no PEM certificate.");

        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // Same as the default TLS client options: a private CA rarely publishes revocation lists.
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(roots);
        return policy;
    }
}
