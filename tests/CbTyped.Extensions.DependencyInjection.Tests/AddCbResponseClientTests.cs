using System.Collections.Concurrent;
using CbTyped.Emulator;
using CbTyped.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CbTyped.Extensions.DependencyInjection.Tests;

public sealed class AddCbResponseClientTests : IAsyncLifetime
{
    private const string Token = "di-test-token-0123456789";
    private CbEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = Token });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task The_client_is_one_singleton_that_sends_through_the_factory_pipeline()
    {
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddCbResponseClient(_emulator.BaseUrl, Token, o => o.AllowInsecureHttp = true)
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<CbResponseClient>();
        Assert.Same(client, provider.GetRequiredService<CbResponseClient>());
        var info = await client.GetServerInfoAsync();

        Assert.StartsWith("6.", info.VersionText, StringComparison.Ordinal);
        Assert.Contains("GET /api/info", seen);
    }

    [Fact]
    public async Task Logging_goes_to_the_containers_logger_factory()
    {
        var lines = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new RecordingLoggerProvider(lines)));
        services.AddCbResponseClient(_emulator.BaseUrl, Token, o => o.AllowInsecureHttp = true);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<CbResponseClient>().GetServerInfoAsync();

        Assert.Contains(lines, l => l.StartsWith("CbTyped: HTTP GET /api/info", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credentials_and_options_can_come_from_the_container()
    {
        var agents = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddSingleton(new CbCredentials(_emulator.BaseUrl, Token));
        services.AddCbResponseClient(
            sp => sp.GetRequiredService<CbCredentials>(),
            (_, o) => { o.AllowInsecureHttp = true; o.ApplicationId = "DiTest/1.0"; })
            .AddHttpMessageHandler(() => new RecordingHandler(agents, userAgent: true));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<CbResponseClient>();
        await client.GetServerInfoAsync();

        Assert.Equal("DiTest/1.0", client.Options.ApplicationId);
        Assert.NotNull(client.Options.HttpClient);
        Assert.Contains(agents, a => a.StartsWith("CbTyped/", StringComparison.Ordinal) && a.EndsWith("DiTest/1.0", StringComparison.Ordinal));
        Assert.Equal(1, _emulator.RequestLog.CountOf("GET", "/api/info"));
    }

    [Fact]
    public async Task A_profile_is_read_when_the_client_is_first_resolved()
    {
        var services = new ServiceCollection();
        services.AddCbResponseClient("no-such-profile-" + Guid.NewGuid().ToString("N"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<CbCredentialsException>(() => provider.GetRequiredService<CbResponseClient>());
        Assert.Contains("no-such-profile-", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingHandler(ConcurrentQueue<string> seen, bool userAgent = false) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue(userAgent ? request.Headers.UserAgent.ToString() : request.Method.Method + " " + request.RequestUri!.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(category + ": " + formatter(state, exception));
        }
    }
}
