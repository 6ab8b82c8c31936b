using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

public sealed class LifecycleAndAuthTests
{
    [Fact]
    public async Task Starts_on_loopback_with_a_free_port_and_stops_on_dispose()
    {
        Uri url;
        await using (var emulator = await CbEmulator.StartAsync())
        {
            url = emulator.BaseUrl;
            Assert.Equal("127.0.0.1", url.Host);
            Assert.NotEqual(0, url.Port);
            Assert.Matches("^[0-9a-f]{40}$", emulator.Token);
            using var client = new EmulatorClient(emulator);
            var info = await client.GetJsonAsync("/api/info");
            Assert.Equal("6.2.0.171114.1158", (string?)info["version"]);
        }

        using var tcp = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => tcp.ConnectAsync(IPAddress.Loopback, url.Port));
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_different_ports()
    {
        await using var first = await CbEmulator.StartAsync();
        await using var second = await CbEmulator.StartAsync();
        Assert.NotEqual(first.BaseUrl.Port, second.BaseUrl.Port);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task A_missing_or_wrong_token_gets_401_on_every_route(string? token)
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = "right-token" });
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        }

        foreach (var path in new[] { "/api/info", "/api/v1/sensor/3", "/api/v1/process?q=", "/api/v1/binary/7FB55F5A62E78AF9B58D08AAEEAEF848", "/api/no/such/route" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.All(emulator.RequestLog.Entries, e => Assert.Equal(401, e.StatusCode));
    }

    [Fact]
    public async Task The_request_log_records_method_path_query_and_status()
    {
        await using var emulator = await CbEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        await client.GetJsonAsync("/api/v1/sensor/3");
        using var missing = await client.Http.GetAsync("/api/v1/sensor/999?x=1");

        var entries = emulator.RequestLog.Entries;
        Assert.Equal(2, entries.Count);
        Assert.Equal(("GET", "/api/v1/sensor/3", 200), (entries[0].Method, entries[0].PathAndQuery, entries[0].StatusCode));
        Assert.Equal(("/api/v1/sensor/999?x=1", 404), (entries[1].PathAndQuery, entries[1].StatusCode));
        Assert.Equal(1, emulator.RequestLog.CountOf("GET", "/api/v1/sensor/999"));
    }

    [Fact]
    public async Task The_request_log_records_small_bodies_and_the_endpoint_still_reads_them()
    {
        await using var emulator = await CbEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        var (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/3", new JsonObject { ["notes"] = "logged" });
        var large = new JsonObject { ["notes"] = new string('x', RequestLog.MaxRecordedBodyBytes) };
        await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/3", large);
        var sensor = await client.GetJsonAsync("/api/v1/sensor/3");

        Assert.Equal(204, status);
        // An entry is added once the response is finished, which can be just after the client has read it.
        for (var waited = 0; emulator.RequestLog.Count < 3 && waited < 5000; waited += 10)
        {
            await Task.Delay(10);
        }

        var entries = emulator.RequestLog.Entries;
        Assert.Equal("""{"notes":"logged"}""", entries[0].Body);
        Assert.Null(entries[1].Body); // too large to keep, yet applied
        Assert.Equal(large["notes"]!.GetValue<string>(), sensor["notes"]!.GetValue<string>());
        Assert.Null(entries[2].Body); // a GET has none
    }

    [Fact]
    public async Task Tls_uses_a_self_signed_certificate_a_client_can_trust_explicitly()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { UseTls = true });
        Assert.Equal("https", emulator.BaseUrl.Scheme);
        Assert.NotNull(emulator.Certificate);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", emulator.CertificatePem, StringComparison.Ordinal);

        // Default validation rejects it: verification stays on unless the client trusts this certificate.
        using (var strict = new HttpClient { BaseAddress = emulator.BaseUrl })
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => strict.GetAsync("/api/info"));
        }

        using var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
        {
            chain!.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(emulator.Certificate!);
            chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
            return chain.Build(certificate!);
        };
        using var trusting = new HttpClient(handler) { BaseAddress = emulator.BaseUrl };
        trusting.DefaultRequestHeaders.Add("X-Auth-Token", emulator.Token);
        using var response = await trusting.GetAsync("/api/info");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
