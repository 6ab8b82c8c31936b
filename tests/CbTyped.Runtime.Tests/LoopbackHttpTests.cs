using CbTyped.Emulator;

namespace CbTyped.Runtime.Tests;

/// <summary>
/// Plain http needs no option on loopback (the emulator's default URL), where the token never leaves the machine, and
/// is refused elsewhere with the SDK option and the CLI flag named. A refused URL is refused before any request.
/// </summary>
public sealed class LoopbackHttpTests : IAsyncLifetime
{
    private const string Token = "loopback-http-token-0123456789";
    private CbEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = Token });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task The_emulator_on_loopback_http_works_without_AllowInsecureHttp()
    {
        Assert.Equal("http://127.0.0.1", _emulator.BaseUrl.GetLeftPart(UriPartial.Scheme) + _emulator.BaseUrl.Host);
        using var client = new CbResponseClient(_emulator.BaseUrl, Token);

        var info = await client.GetServerInfoAsync();

        Assert.StartsWith("6.", info.VersionText, StringComparison.Ordinal);
        Assert.False(client.Options.AllowInsecureHttp);
        Assert.Equal(1, _emulator.RequestLog.CountOf("GET", "/api/info"));
    }

    [Fact]
    public async Task Localhost_by_name_is_loopback_too()
    {
        var url = new UriBuilder(_emulator.BaseUrl) { Host = "localhost" }.Uri;
        using var client = new CbResponseClient(url, Token);

        var info = await client.GetServerInfoAsync();

        Assert.StartsWith("6.", info.VersionText, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.RequestLog.CountOf("GET", "/api/info"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://127.255.0.9/")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://LOCALHOST:1234")]
    public void Every_loopback_address_is_accepted_over_http(string url)
    {
        using var client = new CbResponseClient(new Uri(url), Token);
        Assert.Equal(Uri.UriSchemeHttp, client.Url.Scheme);
    }

    [Theory]
    [InlineData("http://cb.example.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://128.0.0.1")]
    [InlineData("http://[::2]")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    public void Any_other_host_over_http_is_refused_naming_the_option_and_the_CLI_flag(string url)
    {
        var e = Assert.Throws<CbCredentialsException>(() => new CbResponseClient(new Uri(url), Token));

        Assert.Contains(new Uri(url).ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains("not a loopback address", e.Message, StringComparison.Ordinal);
        Assert.Contains("CbResponseClientOptions.AllowInsecureHttp = true", e.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-http", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, e.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.RequestLog.Entries);
    }

    [Fact]
    public async Task AllowInsecureHttp_still_opens_http_to_any_host()
    {
        // The emulator's port under a non-loopback spelling is not reachable, so only construction is checked here;
        // the request goes to the emulator through its own loopback URL with the option set as well.
        using var remote = new CbResponseClient(new Uri("http://cb.example.com"), Token, new CbResponseClientOptions { AllowInsecureHttp = true });
        Assert.Equal("http://cb.example.com/", remote.Url.ToString());
        using var client = new CbResponseClient(_emulator.BaseUrl, Token, new CbResponseClientOptions { AllowInsecureHttp = true });
        Assert.StartsWith("6.", (await client.GetServerInfoAsync()).VersionText, StringComparison.Ordinal);
    }
}
