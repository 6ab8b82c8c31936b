using System.Collections.Concurrent;
using CbTyped.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace CbTyped.Extensions.DependencyInjection.Tests;

/// <summary>
/// The factory's primary handler is the runtime's own: a profile's TLS settings hold while the user's handlers
/// (registered on the returned IHttpClientBuilder) still see every request. Against the emulator over HTTPS on loopback.
/// </summary>
public sealed class TlsProfileTests : IAsyncLifetime, IDisposable
{
    private const string Token = "di-tls-token-0123456789";
    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-di-tls-").FullName;
    private CbEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = Token, UseTls = true });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_profile_with_the_emulators_CA_connects_and_the_users_handler_sees_the_request()
    {
        Assert.Equal(Uri.UriSchemeHttps, _emulator.BaseUrl.Scheme);
        var caFile = Path.Combine(_dir, "emulator-ca.pem");
        await File.WriteAllTextAsync(caFile, _emulator.CertificatePem);
        var profile = Path.Combine(_dir, "credentials.response");
        await File.WriteAllTextAsync(profile, $"[lab]\nurl={_emulator.BaseUrl}\ntoken={Token}\nssl_cert_file={caFile}\n");
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddCbResponseClient(_ => CbCredentialStore.LoadProfile("lab", [profile]), (_, o) => o.Retry.MaxRetries = 0)
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        var info = await provider.GetRequiredService<CbResponseClient>().GetServerInfoAsync();

        Assert.StartsWith("6.", info.VersionText, StringComparison.Ordinal);
        Assert.Contains("GET https /api/info", seen);
        Assert.Equal(1, _emulator.RequestLog.CountOf("GET", "/api/info"));
    }

    [Fact]
    public async Task Default_verification_refuses_the_self_signed_emulator_and_the_users_handler_still_ran()
    {
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddCbResponseClient(_emulator.BaseUrl, Token, o => o.Retry.MaxRetries = 0)
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<CbConnectionException>(() => provider.GetRequiredService<CbResponseClient>().GetServerInfoAsync());

        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET https /api/info", seen);
        Assert.Equal(0, _emulator.RequestLog.CountOf("GET", "/api/info"));
    }

    [Fact]
    public void CreateHttpHandler_applies_the_profiles_TLS_and_proxy_keys()
    {
        var credentials = new CbCredentials(new Uri("https://cb.example.com"), Token)
        {
            SslForceTls12 = true,
            Proxy = new Uri("http://proxy.example.com:3128"),
        };

        using var handler = CbResponseClient.CreateHttpHandler(credentials);

        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12, handler.SslOptions.EnabledSslProtocols);
        Assert.True(handler.UseProxy);
        Assert.Equal(new Uri("http://proxy.example.com:3128"), handler.Proxy!.GetProxy(new Uri("https://cb.example.com")));
        Assert.Null(handler.SslOptions.RemoteCertificateValidationCallback);
        Assert.NotEqual(System.Net.DecompressionMethods.None, handler.AutomaticDecompression & System.Net.DecompressionMethods.GZip);
    }

    private sealed class RecordingHandler(ConcurrentQueue<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue(request.Method.Method + " " + request.RequestUri!.Scheme + " " + request.RequestUri.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
