namespace CbTyped.Cli.Tests;

/// <summary>
/// Plain http: loopback (the emulator) needs no flag; another host is refused with the flag named, before any request.
/// </summary>
public sealed class InsecureHttpFlagTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_remote_http_url_is_refused_naming_the_flag()
    {
        var run = await CliRun.RunAsync("server", "info", "--url", "http://cb.example.com", "--token", "T");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("--allow-insecure-http", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_on_loopback_http_needs_no_flag_and_the_flag_is_accepted()
    {
        Assert.StartsWith("http://127.0.0.1:", emulator.Url, StringComparison.Ordinal);

        var plain = await CliRun.RunAsync(["server", "info", .. emulator.Connection]);
        var flagged = await CliRun.RunAsync(["server", "info", "--allow-insecure-http", .. emulator.Connection]);

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, flagged.ExitCode);
        Assert.Matches(@"(?m)^Version\s+6\.", flagged.Output);
    }
}
