using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CbTyped.Runtime.Tests.Infrastructure;

/// <summary>Self-signed server certificates made on the fly (like Cb's own default certificate).</summary>
internal static class TestCertificates
{
    /// <summary>A self-signed certificate for <paramref name="dnsName"/> (and 127.0.0.1 when <paramref name="includeLoopbackIp"/>).</summary>
    public static X509Certificate2 SelfSigned(string dnsName = "localhost", bool includeLoopbackIp = true)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        if (includeLoopbackIp)
            names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Writes the certificate (public part) as PEM to a temp file, for <c>ssl_cert_file</c>.</summary>
    public static string WritePem(X509Certificate2 certificate, string directory)
    {
        var path = Path.Combine(directory, "ca.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
