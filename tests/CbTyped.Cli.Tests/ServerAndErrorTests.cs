using System.Text.Json;

namespace CbTyped.Cli.Tests;

public sealed class ServerAndErrorTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Server_info_prints_the_version_for_people()
    {
        var run = await CliRun.RunAsync(["server", "info", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Matches(@"(?m)^Version\s+6\.2\.0\.171114\.1158$", run.Output);
        Assert.Matches(@"(?m)^Event API\s+v4$", run.Output);
    }

    [Fact]
    public async Task Server_info_json_is_the_server_document()
    {
        var run = await CliRun.RunAsync(["server", "info", "--json", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("6.2.0.171114.1158", json.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_wrong_token_exits_4_with_one_line_that_does_not_show_the_token()
    {
        var run = await CliRun.RunAsync("server", "info", "--url", emulator.Url, "--token", "WRONG-TOKEN-42");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("cbtyped: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG-TOKEN-42", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_exits_8()
    {
        var run = await CliRun.RunAsync("server", "info", "--url", "http://127.0.0.1:1", "--token", "T", "--timeout", "5");

        Assert.Equal(8, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("server", "info", "--timeout", "soon")]
    [InlineData("server", "info", "--url", "not a url", "--token", "T")]
    [InlineData("server", "info", "--url", "https://cb.example.com")]
    public async Task Bad_command_lines_exit_2_with_one_line(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("cbtyped: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_profile_exits_3()
    {
        var run = await CliRun.RunAsync("server", "info", "--profile", "no-such-profile-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no-such-profile-", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_server_is_refused_before_any_request()
    {
        var run = await CliRun.RunAsync("server", "info", "--url", "http://cb.example.com", "--token", "T");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("http", run.Error, StringComparison.Ordinal);
    }
}
