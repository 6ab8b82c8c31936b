using CbTyped.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CbTyped.Extensions.DependencyInjection.Tests;

/// <summary>Clients bound from IConfiguration; a bad section fails the host's start (ValidateOnStart), naming key and value.</summary>
[Collection(WorkingDirectoryTests.Name)]
public sealed class ConfigurationBindingTests : IAsyncLifetime, IDisposable
{
    private const string Token = "config-token-0123456789";
    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-di-config-").FullName;
    private CbEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = Token });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_section_gives_the_url_token_and_options_and_the_client_works_against_the_emulator()
    {
        using var host = Host(new()
        {
            ["CbResponse:prod:Url"] = _emulator.BaseUrl.ToString(),
            ["CbResponse:prod:Token"] = Token,
            ["CbResponse:prod:Timeout"] = "00:00:45",
            ["CbResponse:prod:MaxRetries"] = "1",
            ["CbResponse:prod:ApplicationId"] = "ConfigTest/2.0",
        }, (services, configuration) => services.AddCbResponseClient("prod", configuration.GetSection("CbResponse:prod"), o => o.PageSize = 50));
        await host.StartAsync();

        var client = host.Services.GetRequiredKeyedService<CbResponseClient>("prod");
        var info = await client.GetServerInfoAsync();

        Assert.StartsWith("6.", info.VersionText, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(45), client.Options.Timeout);
        Assert.Equal(1, client.Options.Retry.MaxRetries);
        Assert.Equal("ConfigTest/2.0", client.Options.ApplicationId);
        Assert.Equal(50, client.Options.PageSize);           // the code's configure runs after the section
        Assert.NotNull(client.Options.HttpClient);           // from IHttpClientFactory
        Assert.Equal(1, _emulator.RequestLog.CountOf("GET", "/api/info"));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_profile_in_the_section_reads_the_credentials_files()
    {
        var home = Path.Combine(_dir, "home");
        Directory.CreateDirectory(Path.Combine(home, ".carbonblack"));
        await File.WriteAllTextAsync(Path.Combine(home, ".carbonblack", "credentials.response"), $"[lab]\nurl={_emulator.BaseUrl}\ntoken={Token}\n");
        // The default client from the root section; cbapi's files are read relative to the working directory too.
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = home;
        try
        {
            using var host = Host(new() { ["CbResponse:Profile"] = "lab" },
                (services, configuration) => services.AddCbResponseClient(configuration.GetSection("CbResponse")));
            await host.StartAsync();

            var info = await host.Services.GetRequiredService<CbResponseClient>().GetServerInfoAsync();

            Assert.StartsWith("6.", info.VersionText, StringComparison.Ordinal);
            await host.StopAsync();
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public async Task A_bad_section_fails_the_start_naming_every_bad_key_and_its_value_but_never_the_token()
    {
        using var host = Host(new()
        {
            ["CbResponse:prod:Url"] = "cb.example.com",
            ["CbResponse:prod:Token"] = Token,
            ["CbResponse:prod:Timeout"] = "soon",
            ["CbResponse:prod:MaxRetries"] = "-1",
            ["CbResponse:prod:AllowInsecureHttp"] = "maybe",
        }, (services, configuration) => services.AddCbResponseClient("prod", configuration.GetSection("CbResponse:prod")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CbResponseClient 'prod': CbResponse:prod:Url 'cb.example.com' is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("CbResponse:prod:Timeout 'soon' is not a positive TimeSpan", error.Message, StringComparison.Ordinal);
        Assert.Contains("CbResponse:prod:MaxRetries '-1' is not a whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("CbResponse:prod:AllowInsecureHttp 'maybe' is not true or false", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.RequestLog.Entries);
    }

    [Fact]
    public async Task Missing_credentials_and_a_non_loopback_http_url_fail_the_start_too()
    {
        using var host = Host(new()
        {
            ["CbResponse:a:Url"] = "https://cb.example.com",
            ["CbResponse:b:Url"] = "http://cb.example.com",
            ["CbResponse:b:Token"] = Token,
            ["CbResponse:c:Profile"] = "no-such-profile-" + Guid.NewGuid().ToString("N"),
        }, (services, configuration) =>
        {
            services.AddCbResponseClient("a", configuration.GetSection("CbResponse:a"));
            services.AddCbResponseClient("b", configuration.GetSection("CbResponse:b"));
            services.AddCbResponseClient("c", configuration.GetSection("CbResponse:c"));
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        var message = error is AggregateException aggregate ? string.Join("\n", aggregate.InnerExceptions.Select(e => e.Message)) : error.Message;

        Assert.Contains("CbResponseClient 'a': CbResponse:a:Url and CbResponse:a:Token are needed", message, StringComparison.Ordinal);
        Assert.Contains("CbResponseClient 'b': Server URL http://cb.example.com/", message, StringComparison.Ordinal);
        Assert.Contains("AllowInsecureHttp", message, StringComparison.Ordinal);
        Assert.Contains("CbResponseClient 'c': ", message, StringComparison.Ordinal);
        Assert.Contains("no-such-profile-", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, message, StringComparison.Ordinal);
    }

    private static IHost Host(Dictionary<string, string?> values, Action<IServiceCollection, IConfiguration> register)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        register(builder.Services, builder.Configuration);
        return builder.Build();
    }
}

/// <summary>One test changes the working directory (cbapi reads ./.carbonblack/credentials.response): run it alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryTests
{
    public const string Name = "working directory";
}
