using System.Text.Json;

namespace CbTyped.Cli.Tests;

/// <summary>The model commands against the emulator's seed scenario (a fresh emulator per test class).</summary>
public sealed class ModelCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Sensor_list_shows_the_seed_sensors_as_a_table_and_as_json()
    {
        var table = await CliRun.RunAsync(["sensor", "list", .. emulator.Connection]);
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"(?m)^\s*1\s+WIN7-HYPERV-2\s+Online\s", table.Output);

        var json = await CliRun.RunAsync(["sensor", "list", "--json", .. emulator.Connection]);
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Contains(doc.RootElement.EnumerateArray(), s => s.GetProperty("computer_name").GetString() == "WIN7-HYPERV-2");
        // The generated writer keeps what the server sent, fields the spec does not name included.
        Assert.True(doc.RootElement[0].TryGetProperty("os_environment_display_string", out _));
    }

    [Fact]
    public async Task Process_search_walks_parents_up_to_the_root()
    {
        var run = await CliRun.RunAsync(["process", "search", "process_name:net.exe", "--walk-parents", "-n", "1", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("net.exe (pid ", lines[0], StringComparison.Ordinal);
        Assert.Equal("  <- cmd.exe (pid 876)", lines[1]);
        Assert.Contains(lines, l => l.Trim().StartsWith("<- explorer.exe", StringComparison.Ordinal));
        Assert.Contains("1 processes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_search_json_has_each_process_with_its_parents()
    {
        var run = await CliRun.RunAsync(["process", "search", "process_name:net.exe", "--walk-parents", "--json", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var first = doc.RootElement[0];
        Assert.Equal("net.exe", first.GetProperty("process").GetProperty("process_name").GetString());
        Assert.Equal("cmd.exe", first.GetProperty("parents")[0].GetProperty("process_name").GetString());
    }

    [Fact]
    public async Task A_bad_query_exits_6()
    {
        var run = await CliRun.RunAsync(["process", "search", "process_name:(", .. emulator.Connection]);

        Assert.Equal(6, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Binary_download_writes_the_file_the_server_stored()
    {
        var md5 = await FirstBinaryMd5Async();
        var path = Path.Combine(Path.GetTempPath(), "cbtyped-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await CliRun.RunAsync(["binary", "download", md5.ToLowerInvariant(), "-o", path, "--json", .. emulator.Connection]);

            Assert.Equal(0, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Output);
            Assert.Equal(new FileInfo(path).Length, doc.RootElement.GetProperty("bytes").GetInt64());
            Assert.True(new FileInfo(path).Length > 0);
        }
        finally
        {
            File.Delete(path);
        }

        var missing = await CliRun.RunAsync(["binary", "download", new string('0', 32), "-o", path, .. emulator.Connection]);
        Assert.Equal(5, missing.ExitCode);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Ban_add_list_remove_round_trip()
    {
        var md5 = await FirstBinaryMd5Async();

        Assert.Equal(0, (await CliRun.RunAsync(["ban", "add", md5, "--text", "cli test", .. emulator.Connection])).ExitCode);
        var listed = await CliRun.RunAsync(["ban", "list", .. emulator.Connection]);
        Assert.Matches($@"(?m)^{md5}\s+yes\s.*cli test$", listed.Output);

        Assert.Equal(0, (await CliRun.RunAsync(["ban", "remove", md5, .. emulator.Connection])).ExitCode);
        Assert.DoesNotContain(md5, (await CliRun.RunAsync(["ban", "list", .. emulator.Connection])).Output, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^{md5}\s+no\s", (await CliRun.RunAsync(["ban", "list", "--all", .. emulator.Connection])).Output);

        Assert.Equal(2, (await CliRun.RunAsync(["ban", "add", "not-an-md5", .. emulator.Connection])).ExitCode);
    }

    [Fact]
    public async Task Watchlist_create_then_run_finds_the_matching_processes()
    {
        var created = await CliRun.RunAsync(["watchlist", "create", "--name", "cli net use", "--query", "process_name:net.exe", "--json", .. emulator.Connection]);
        Assert.Equal(0, created.ExitCode);
        using var doc = JsonDocument.Parse(created.Output);
        var id = doc.RootElement.GetProperty("id").ToString();

        var listed = await CliRun.RunAsync(["watchlist", "list", .. emulator.Connection]);
        Assert.Contains("cli net use", listed.Output, StringComparison.Ordinal);

        var run = await CliRun.RunAsync(["watchlist", "run", id.Trim('"'), "--json", .. emulator.Connection]);
        Assert.Equal(0, run.ExitCode);
        using var hits = JsonDocument.Parse(run.Output);
        Assert.NotEqual(0, hits.RootElement.GetArrayLength());
        Assert.All(hits.RootElement.EnumerateArray(), p => Assert.Equal("net.exe", p.GetProperty("process_name").GetString()));
    }

    [Fact]
    public async Task User_add_and_remove_and_a_missing_user_exits_5()
    {
        var add = await CliRun.RunAsync(["user", "add", "cli-user", "--first-name", "Cli", "--last-name", "User", "--email", "cli@example.com", .. emulator.Connection]);
        Assert.Equal(0, add.ExitCode);
        Assert.Contains("cli-user", (await CliRun.RunAsync(["user", "list", .. emulator.Connection])).Output, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRun.RunAsync(["user", "remove", "cli-user", .. emulator.Connection])).ExitCode);
        var again = await CliRun.RunAsync(["user", "remove", "cli-user", .. emulator.Connection]);
        Assert.Equal(5, again.ExitCode);
        Assert.Equal("cbtyped: user cli-user not found.\n", again.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Group_create_then_list()
    {
        var create = await CliRun.RunAsync(["group", "create", "CLI Group", .. emulator.Connection]);
        Assert.Equal(0, create.ExitCode);
        Assert.Matches(@"(?m)^\s*\d+\s+CLI Group\s+1", (await CliRun.RunAsync(["group", "list", .. emulator.Connection])).Output);
    }

    [Fact]
    public async Task Sensor_isolate_waits_for_the_check_in_then_unisolate()
    {
        var isolate = await CliRun.RunAsync(["sensor", "isolate", "3", "--json", .. emulator.Connection]);
        Assert.Equal(0, isolate.ExitCode);
        using (var doc = JsonDocument.Parse(isolate.Output))
            Assert.True(doc.RootElement.GetProperty("confirmed").GetBoolean());
        Assert.Matches(@"(?m)^\s*3\s+\S+\s+\S+\s+yes\s", (await CliRun.RunAsync(["sensor", "list", .. emulator.Connection])).Output);

        var unisolate = await CliRun.RunAsync(["sensor", "unisolate", "3", .. emulator.Connection]);
        Assert.Equal(0, unisolate.ExitCode);
        Assert.Contains("no longer isolated", unisolate.Output, StringComparison.Ordinal);

        Assert.Equal(5, (await CliRun.RunAsync(["sensor", "isolate", "999", .. emulator.Connection])).ExitCode);
    }

    private async Task<string> FirstBinaryMd5Async()
    {
        var run = await CliRun.RunAsync(["watchlist", "run", "2", "-n", "1", "--json", .. emulator.Connection]);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        return doc.RootElement[0].GetProperty("md5").GetString()!;
    }
}
