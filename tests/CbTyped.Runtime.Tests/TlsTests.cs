using CbTyped.Runtime.Tests.Infrastructure;

namespace CbTyped.Runtime.Tests;

public sealed class TlsTests
{
    private static CbResponseClient Client(LoopbackServer server, Action<CbResponseClientOptions>? configure = null)
    {
        var options = new CbResponseClientOptions();
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return new CbResponseClient(server.Url, server.Token, options);
    }

    [Fact]
    public async Task A_self_signed_server_fails_by_default()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = await LoopbackServer.StartAsync(certificate);
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<CbConnectionException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/info"));

        Assert.Contains("TLS", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_self_signed_server_succeeds_with_its_CA_configured()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = await LoopbackServer.StartAsync(certificate);
        using var dir = new TempDirectory();
        var caFile = TestCertificates.WritePem(certificate, dir.Path);
        using var client = Client(server, o => o.CaCertificateFile = caFile);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/info");

        Assert.NotNull(doc);
    }

    [Fact]
    public async Task The_CA_file_from_a_credentials_profile_is_used()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = await LoopbackServer.StartAsync(certificate);
        using var dir = new TempDirectory();
        var caFile = TestCertificates.WritePem(certificate, dir.Path);
        var profile = dir.Write("credentials.response", $"[default]\nurl={server.Url}\ntoken={server.Token}\nssl_cert_file={caFile}\n");
        using var client = new CbResponseClient(CbCredentialStore.LoadProfile("default", [profile]));

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/info");

        Assert.NotNull(doc);
    }

    [Fact]
    public async Task Another_CA_does_not_make_the_server_trusted()
    {
        using var certificate = TestCertificates.SelfSigned();
        using var other = TestCertificates.SelfSigned();
        await using var server = await LoopbackServer.StartAsync(certificate);
        using var dir = new TempDirectory();
        var caFile = TestCertificates.WritePem(other, dir.Path);
        using var client = Client(server, o => o.CaCertificateFile = caFile);
        await Assert.ThrowsAsync<CbConnectionException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/info"));
    }

    [Fact]
    public async Task A_self_signed_server_succeeds_with_verification_explicitly_off()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = await LoopbackServer.StartAsync(certificate);
        using var client = Client(server, o => o.VerifyServerCertificate = false);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/info");

        Assert.NotNull(doc);
    }

    [Fact]
    public async Task A_certificate_for_another_host_name_fails_unless_hostname_checks_are_off()
    {
        // Cb's default certificate names "Self-signed Carbon Black Enterprise Server HTTPS Certificate", not the host.
        using var certificate = TestCertificates.SelfSigned("cb-server.example", includeLoopbackIp: false);
        await using var server = await LoopbackServer.StartAsync(certificate);
        using var dir = new TempDirectory();
        var caFile = TestCertificates.WritePem(certificate, dir.Path);

        using (var strict = Client(server, o => o.CaCertificateFile = caFile))
            await Assert.ThrowsAsync<CbConnectionException>(() => strict.SendJsonAsync(HttpMethod.Get, "/api/info"));

        using var relaxed = Client(server, o => { o.CaCertificateFile = caFile; o.VerifyHostname = false; });
        using var doc = await relaxed.SendJsonAsync(HttpMethod.Get, "/api/info");
        Assert.NotNull(doc);
    }

    [Fact]
    public async Task Forcing_TLS_1_2_still_connects()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = await LoopbackServer.StartAsync(certificate);
        using var client = Client(server, o => { o.VerifyServerCertificate = false; o.ForceTls12 = true; });
        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/info");
        Assert.NotNull(doc);
    }

    [Fact]
    public void A_missing_CA_file_is_a_credentials_error()
    {
        var e = Assert.Throws<CbCredentialsException>(() =>
            new CbResponseClient(new Uri("https://cb.example"), "t", new CbResponseClientOptions { CaCertificateFile = "/nonexistent/ca.pem" }));
        Assert.Contains("/nonexistent/ca.pem", e.Message, StringComparison.Ordinal);
    }
}
