using System.Collections.Concurrent;
using CbTyped.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace CbTyped.Extensions.DependencyInjection.Tests;

/// <summary>Several servers in one container: a default client and named (keyed) ones, each with its own factory client.</summary>
public sealed class KeyedClientTests : IAsyncLifetime
{
    private CbEmulator _prod = null!;
    private CbEmulator _lab = null!;

    public async Task InitializeAsync()
    {
        _prod = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = "prod-token-0123456789" });
        _lab = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = "lab-token-0123456789", ServerVersion = "6.1.0.170101.1" });
    }

    public async Task DisposeAsync()
    {
        await _prod.DisposeAsync();
        await _lab.DisposeAsync();
    }

    [Fact]
    public async Task Each_named_client_talks_to_its_own_server_through_its_own_handlers()
    {
        var prodSeen = new ConcurrentQueue<string>();
        var labSeen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddCbResponseClient("prod", _prod.BaseUrl, "prod-token-0123456789")
            .AddHttpMessageHandler(() => new RecordingHandler(prodSeen));
        services.AddCbResponseClient("lab", _lab.BaseUrl, "lab-token-0123456789", o => o.ApplicationId = "Lab/1.0")
            .AddHttpMessageHandler(() => new RecordingHandler(labSeen));
        await using var provider = services.BuildServiceProvider();

        var prod = provider.GetRequiredKeyedService<CbResponseClient>("prod");
        var lab = provider.GetRequiredKeyedService<CbResponseClient>("lab");
        Assert.NotSame(prod, lab);
        Assert.Same(prod, provider.GetRequiredKeyedService<CbResponseClient>("prod"));

        Assert.Equal("6.2.0.171114.1158", (await prod.GetServerInfoAsync()).VersionText);
        Assert.Equal("6.1.0.170101.1", (await lab.GetServerInfoAsync()).VersionText);

        Assert.Equal(1, _prod.RequestLog.CountOf("GET", "/api/info"));
        Assert.Equal(1, _lab.RequestLog.CountOf("GET", "/api/info"));
        // Each client's handler saw its own server's requests only.
        Assert.Contains("GET " + _prod.BaseUrl.Authority + "/api/info", prodSeen);
        Assert.All(prodSeen, r => Assert.StartsWith("GET " + _prod.BaseUrl.Authority + "/", r, StringComparison.Ordinal));
        Assert.Contains("GET " + _lab.BaseUrl.Authority + "/api/info", labSeen);
        Assert.All(labSeen, r => Assert.StartsWith("GET " + _lab.BaseUrl.Authority + "/", r, StringComparison.Ordinal));
        Assert.Equal("Lab/1.0", lab.Options.ApplicationId);
        Assert.Null(prod.Options.ApplicationId);
        // Named clients are keyed only: no default client was registered.
        Assert.Null(provider.GetService<CbResponseClient>());
    }

    [Fact]
    public async Task A_default_client_and_named_ones_live_side_by_side()
    {
        var services = new ServiceCollection();
        services.AddCbResponseClient(_prod.BaseUrl, "prod-token-0123456789");
        services.AddCbResponseClient("lab", _lab.BaseUrl, "lab-token-0123456789");
        await using var provider = services.BuildServiceProvider();

        var fallback = provider.GetRequiredService<CbResponseClient>();
        var lab = provider.GetRequiredKeyedService<CbResponseClient>("lab");

        Assert.Equal(_prod.BaseUrl.Port, fallback.Url.Port);
        Assert.Equal(_lab.BaseUrl.Port, lab.Url.Port);
        await fallback.GetServerInfoAsync();
        await lab.GetServerInfoAsync();
        Assert.Equal(1, _prod.RequestLog.CountOf("GET", "/api/info"));
        Assert.Equal(1, _lab.RequestLog.CountOf("GET", "/api/info"));
        Assert.Equal("CbTyped.CbResponseClient:lab", CbResponseServiceCollectionExtensions.HttpClientNameFor("lab"));
        Assert.Equal(CbResponseServiceCollectionExtensions.HttpClientName, CbResponseServiceCollectionExtensions.HttpClientNameFor(""));
    }

    [Fact]
    public void Registering_a_name_twice_is_an_error_not_a_silently_ignored_server()
    {
        var services = new ServiceCollection();
        services.AddCbResponseClient(_prod.BaseUrl, "prod-token-0123456789");
        services.AddCbResponseClient("lab", _lab.BaseUrl, "lab-token-0123456789");

        var again = Assert.Throws<InvalidOperationException>(() => services.AddCbResponseClient(_lab.BaseUrl, "lab-token-0123456789"));
        Assert.Contains("A default CbResponseClient is already registered", again.Message, StringComparison.Ordinal);
        Assert.Contains("AddCbResponseClient(\"name\", ...)", again.Message, StringComparison.Ordinal);
        var named = Assert.Throws<InvalidOperationException>(() => services.AddCbResponseClient("lab", _prod.BaseUrl, "prod-token-0123456789"));
        Assert.Contains("'lab'", named.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingHandler(ConcurrentQueue<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue(request.Method.Method + " " + request.RequestUri!.Authority + request.RequestUri.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
