using System.Text.Json;

namespace CbTyped.Cli.Tests;

/// <summary>Streaming lists, width-fitted tables, --verbose, sensors by host name and the fixed texts, against the emulator.</summary>
public sealed class ResponderCommandLineTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData(40)]
    [InlineData(80)]
    [InlineData(200)]
    public async Task Tables_fit_the_width_given(int width)
    {
        var run = await CliRun.RunAsync(["process", "search", "process_name:net.exe", "--width", width.ToString(System.Globalization.CultureInfo.InvariantCulture), .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length); // header, rule, the two net.exe
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
        Assert.Equal(width < 120, run.Output.Contains('…', StringComparison.Ordinal));
        Assert.Contains("2 processes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wide_shows_whole_cells_beyond_the_width()
    {
        var run = await CliRun.RunAsync(["process", "search", "process_name:net.exe", "--width", "40", "--wide", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("…", run.Output, StringComparison.Ordinal);
        Assert.Contains("WIN-IA9NQ1GN8OI", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_one_array_streamed_with_every_row()
    {
        var run = await CliRun.RunAsync(["process", "search", "process_name:net.exe", "--json", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("[", run.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.All(doc.RootElement.EnumerateArray(), p => Assert.Equal("net.exe", p.GetProperty("process_name").GetString()));

        var none = await CliRun.RunAsync(["process", "search", "process_name:no-such.exe", "--json", .. emulator.Connection]);
        Assert.Equal("[]\n", none.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_result_is_one_process()
    {
        var run = await CliRun.RunAsync(["process", "search", "process_name:net.exe", "-n", "1", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("1 process (--limit 1; there may be more)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_prints_the_http_lines_on_stderr_without_the_token()
    {
        var run = await CliRun.RunAsync(["server", "info", "--verbose", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^cbtyped: debug: HTTP GET /api/info took [0-9.]+s \(response 200\)", run.Error);
        Assert.DoesNotContain(EmulatorFixture.Token, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("debug", run.Output, StringComparison.Ordinal);

        var quiet = await CliRun.RunAsync(["server", "info", .. emulator.Connection]);
        Assert.Equal("", quiet.Error);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("HOSTNAME")]
    [InlineData("hostname")]
    public async Task Lr_takes_a_sensor_by_id_or_host_name(string sensor)
    {
        var run = await CliRun.RunAsync(["lr", "ps", sensor, "--json", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Contains(doc.RootElement.EnumerateArray(), p => p.GetProperty("username").GetString() == "SYSTEM");
    }

    [Fact]
    public async Task An_unknown_host_name_exits_5_and_a_partial_one_does_not_match()
    {
        var unknown = await CliRun.RunAsync(["sensor", "isolate", "NO-SUCH-HOST", "--wait", "0", .. emulator.Connection]);
        Assert.Equal(5, unknown.ExitCode);
        Assert.Contains("no sensor has the host name 'NO-SUCH-HOST'", unknown.Error, StringComparison.Ordinal);

        // WIN7 is the start of WIN7-HYPERV-2's name, not a name.
        var partial = await CliRun.RunAsync(["lr", "ps", "WIN7", .. emulator.Connection]);
        Assert.Equal(5, partial.ExitCode);
    }

    [Fact]
    public async Task Ban_add_of_a_banned_md5_says_so_once()
    {
        const string md5 = "0123456789ABCDEF0123456789ABCDEF";
        Assert.Equal($"{md5}: banned\n", (await CliRun.RunAsync(["ban", "add", md5, .. emulator.Connection])).Output.Replace("\r\n", "\n", StringComparison.Ordinal));

        var again = await CliRun.RunAsync(["ban", "add", md5, .. emulator.Connection]);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal($"{md5}: already banned\n", again.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("", again.Error);
    }

    [Fact]
    public async Task A_number_option_with_a_word_names_no_dotnet_type()
    {
        var run = await CliRun.RunAsync(["process", "search", "x", "-n", "many", .. emulator.Connection]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("as a whole number", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_server_names_the_cli_flag()
    {
        var run = await CliRun.RunAsync("server", "info", "--url", "http://cb.example.com", "--token", "T");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("pass --allow-insecure-http", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("CbResponseClientOptions", run.Error, StringComparison.Ordinal);
    }
}
