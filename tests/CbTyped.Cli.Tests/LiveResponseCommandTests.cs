using System.Text;
using System.Text.Json;

namespace CbTyped.Cli.Tests;

/// <summary>
/// <c>cbtyped lr …</c> against the emulator's Live Response endpoint (sensor 4 = HOSTNAME and 3 = WIN-IA9NQ1GN8OI
/// online, 2 offline; the seed file system and processes of docs/emulator.md).
/// </summary>
public sealed class LiveResponseCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Hosts = @"c:\windows\system32\drivers\etc\hosts";
    private const string HostsContent = "127.0.0.1 localhost\r\n";

    [Fact]
    public async Task Ls_lists_a_directory_as_a_table_and_as_json()
    {
        var table = await CliRun.RunAsync(["lr", "ls", "4", @"c:\windows\", .. emulator.Connection]);
        Assert.Equal(0, table.ExitCode);
        Assert.Equal("", table.Error);
        var lines = table.Output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^Name\s+Size\s+Modified \(UTC\)\s+Attributes$", lines[0]);
        Assert.Matches(@"^system32\s+<DIR>\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+DIRECTORY$", lines[2]);
        Assert.Matches(@"^temp\s+<DIR>\s", lines[3]);

        // Without the trailing backslash the directory's contents are listed all the same.
        var json = await CliRun.RunAsync(["lr", "ls", "4", @"c:\windows\system32\drivers\etc", "--json", .. emulator.Connection]);
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Output);
        var hosts = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("hosts", hosts.GetProperty("filename").GetString());
        Assert.Equal(21, hosts.GetProperty("size").GetInt64());
        Assert.DoesNotContain(hosts.GetProperty("attributes").EnumerateArray(), a => a.GetString() == "DIRECTORY");
        Assert.Equal(JsonValueKind.String, hosts.GetProperty("last_write_time").ValueKind);
        hosts.GetProperty("last_write_time").GetDateTimeOffset();
    }

    [Fact]
    public async Task Get_writes_the_endpoints_file_to_a_local_file_or_standard_output()
    {
        var path = TempPath();
        try
        {
            var run = await CliRun.RunAsync(["lr", "get", "4", Hosts, "-o", path, .. emulator.Connection]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(HostsContent, File.ReadAllText(path));
            Assert.Equal($"{Hosts}: 21 bytes -> {path}\n", run.Output.ReplaceLineEndings("\n"));
        }
        finally
        {
            File.Delete(path);
        }

        var stdout = await CliRun.RunAsync(["lr", "get", "4", @"C:\Users\Public\readme.txt", .. emulator.Connection]);
        Assert.Equal(0, stdout.ExitCode);
        Assert.Equal("hello from the emulator", Encoding.UTF8.GetString(stdout.RawOutput));
        Assert.Equal("", stdout.Output);
        Assert.Equal("", stdout.Error);
    }

    [Fact]
    public async Task Get_of_a_missing_file_exits_5_naming_the_win32_error_and_leaves_no_local_file()
    {
        var path = TempPath();
        var run = await CliRun.RunAsync(["lr", "get", "4", @"c:\windows\no-such-file.txt", "-o", path, .. emulator.Connection]);

        Assert.Equal(5, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("cbtyped: Live Response command 'get file' failed: Win32 error code 0x80070002 (ERROR_FILE_NOT_FOUND)", line);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Get_keeps_an_existing_file_unless_force_and_a_missing_remote_file_never_touches_it()
    {
        var directory = Directory.CreateTempSubdirectory("cbtyped-lr-get-").FullName;
        var path = Path.Combine(directory, "hosts");
        try
        {
            File.WriteAllText(path, "mine");

            var refused = await CliRun.RunAsync(["lr", "get", "4", Hosts, "-o", path, .. emulator.Connection]);
            Assert.Equal(9, refused.ExitCode);
            Assert.Equal($"cbtyped: {path} exists; pass --force to overwrite it.", refused.Error.TrimEnd('\n'));
            Assert.Equal("mine", File.ReadAllText(path));

            var missing = await CliRun.RunAsync(["lr", "get", "4", @"c:\windows\no-such-file.txt", "-o", path, "--force", .. emulator.Connection]);
            Assert.Equal(5, missing.ExitCode);
            Assert.Equal("mine", File.ReadAllText(path));

            var forced = await CliRun.RunAsync(["lr", "get", "4", Hosts, "-o", path, "--force", .. emulator.Connection]);
            Assert.Equal(0, forced.ExitCode);
            Assert.Equal(HostsContent, File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFileSystemEntries(directory)); // no temporary file left beside it
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Put_then_get_round_trips_binary_content()
    {
        var content = new byte[100_000];
        new Random(42).NextBytes(content);
        var local = TempPath();
        var back = TempPath();
        var remote = @"c:\users\public\cli-" + Guid.NewGuid().ToString("N") + ".bin";
        File.WriteAllBytes(local, content);
        try
        {
            var put = await CliRun.RunAsync(["lr", "put", "4", local, remote, "--json", .. emulator.Connection]);
            Assert.Equal(0, put.ExitCode);
            using (var doc = JsonDocument.Parse(put.Output))
            {
                Assert.Equal(content.Length, doc.RootElement.GetProperty("bytes").GetInt64());
                Assert.Equal(remote, doc.RootElement.GetProperty("remote_path").GetString());
            }

            var get = await CliRun.RunAsync(["lr", "get", "4", remote, "-o", back, "--json", .. emulator.Connection]);
            Assert.Equal(0, get.ExitCode);
            Assert.Equal(content, File.ReadAllBytes(back));

            // Only sensor 4's endpoint has it.
            Assert.Equal(5, (await CliRun.RunAsync(["lr", "get", "3", remote, .. emulator.Connection])).ExitCode);
        }
        finally
        {
            File.Delete(local);
            File.Delete(back);
        }
    }

    [Fact]
    public async Task Put_of_a_missing_local_file_exits_5_before_any_session()
    {
        var missing = TempPath();
        var before = emulator.Emulator.RequestLog.Count;
        var run = await CliRun.RunAsync(["lr", "put", "4", missing, @"c:\users\public\x.txt", .. emulator.Connection]);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal($"cbtyped: local file {missing} not found.\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal(before, emulator.Emulator.RequestLog.Count);
    }

    [Fact]
    public async Task Ps_lists_the_endpoints_processes_as_a_table_and_as_json()
    {
        var table = await CliRun.RunAsync(["lr", "ps", "4", .. emulator.Connection]);
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"^\s*PID\s+Parent\s+User\s+Started \(UTC\)\s+Command line\n", table.Output.ReplaceLineEndings("\n"));
        Assert.Matches(@"(?m)^\s*4\s+0\s+SYSTEM\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+c:\\windows\\system32\\ntoskrnl\.exe$", table.Output);
        Assert.Matches(@"(?m)^2888\s+4\s+WIN-IA9NQ1GN8OI\\bit9rad\s", table.Output);

        var json = await CliRun.RunAsync(["lr", "ps", "4", "--json", .. emulator.Connection]);
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Output);
        var system = doc.RootElement.EnumerateArray().Single(p => p.GetProperty("pid").GetInt32() == 4);
        Assert.Equal("s-1-5-18", system.GetProperty("sid").GetString());
        Assert.Equal("SYSTEM", system.GetProperty("username").GetString());
        var explorer = doc.RootElement.EnumerateArray().Single(p => p.GetProperty("pid").GetInt32() == 2888);
        Assert.Equal(4, explorer.GetProperty("parent").GetInt32());
        Assert.StartsWith("00000004-0000-0b48-", explorer.GetProperty("proc_guid").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kill_ends_a_process_and_an_unknown_pid_exits_7_naming_ERROR_INVALID_PARAMETER()
    {
        // Sensor 3, so the process list of sensor 4 the other tests read stays the seed one.
        var kill = await CliRun.RunAsync(["lr", "kill", "3", "5012", .. emulator.Connection]);
        Assert.Equal(0, kill.ExitCode);
        Assert.Equal("process 5012 on WIN-IA9NQ1GN8OI: killed\n", kill.Output.ReplaceLineEndings("\n"));
        var ps = await CliRun.RunAsync(["lr", "ps", "3", "--json", .. emulator.Connection]);
        using (var doc = JsonDocument.Parse(ps.Output))
            Assert.DoesNotContain(doc.RootElement.EnumerateArray(), p => p.GetProperty("pid").GetInt32() == 5012);

        var again = await CliRun.RunAsync(["lr", "kill", "3", "5012", "--json", .. emulator.Connection]);
        Assert.Equal(7, again.ExitCode);
        Assert.Equal("", again.Output);
        var line = Assert.Single(again.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("cbtyped: Live Response command 'kill' failed: Win32 error code 0x80070057 (ERROR_INVALID_PARAMETER)", line);
        Assert.DoesNotContain(EmulatorFixture.Token, again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_prints_the_process_output_and_leaves_no_output_file_behind()
    {
        var run = await CliRun.RunAsync(["lr", "exec", "4", "ipconfig", "/all", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("emulated output of: ipconfig /all\r\n", run.Output);
        Assert.Matches(@"^process \d+ on HOSTNAME exited with code 0$", run.Error.TrimEnd('\n'));
        var temp = await CliRun.RunAsync(["lr", "ls", "4", @"c:\windows\temp\", "--json", .. emulator.Connection]);
        using var doc = JsonDocument.Parse(temp.Output);
        Assert.Equal(0, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Exec_joins_words_quoting_those_with_spaces_and_json_has_pid_and_return_code()
    {
        var run = await CliRun.RunAsync(["lr", "exec", "4", "--json", .. emulator.Connection, "--", "cmd", "/c", @"dir c:\program files"]);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal(@"cmd /c ""dir c:\program files""", doc.RootElement.GetProperty("command_line").GetString());
        Assert.Equal("emulated output of: cmd /c \"dir c:\\program files\"\r\n", doc.RootElement.GetProperty("output").GetString());
        Assert.True(doc.RootElement.GetProperty("pid").GetInt32() >= 6000);
        Assert.Equal(0, doc.RootElement.GetProperty("return_code").GetInt32());
    }

    [Fact]
    public async Task Exec_no_wait_starts_the_process_and_captures_nothing()
    {
        var run = await CliRun.RunAsync(["lr", "exec", "4", "notepad.exe", "--no-wait", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("started on HOSTNAME: notepad.exe\n", run.Output.ReplaceLineEndings("\n"));
        var posted = emulator.Emulator.RequestLog.Entries.Last(r => r.Method == "POST" && r.Path.EndsWith("/command", StringComparison.Ordinal));
        Assert.Contains("\"wait\":false", posted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_sensor_exits_5_and_an_offline_one_times_out_with_exit_8()
    {
        var unknown = await CliRun.RunAsync(["lr", "ps", "999", .. emulator.Connection]);
        Assert.Equal(5, unknown.ExitCode);
        Assert.Equal("cbtyped: sensor 999 not found.\n", unknown.Error.ReplaceLineEndings("\n"));

        var offline = await CliRun.RunAsync(["lr", "ls", "2", @"c:\", "--session-timeout", "1", "--lr-poll-ms", "100", .. emulator.Connection]);
        Assert.Equal(8, offline.ExitCode);
        Assert.Equal("cbtyped: Could not establish session with sensor 2\n", offline.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", offline.Output);
    }

    [Theory]
    [InlineData("lr", "kill", "4", "not-a-pid")]
    [InlineData("lr", "ls", "4")]
    [InlineData("lr", "exec", "4")]
    [InlineData("lr", "ps", "4", "--session-timeout", "0")]
    public async Task Bad_lr_command_lines_exit_2_with_one_line(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, .. emulator.Connection]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("cbtyped: ", Assert.Single(run.Error.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_live_response_exits_7_with_its_message()
    {
        await using var noLr = await Emulator.CbEmulator.StartAsync(new Emulator.CbEmulatorOptions { Token = EmulatorFixture.Token, LiveResponseEnabled = false });
        var run = await CliRun.RunAsync("lr", "ps", "4", "--url", noLr.BaseUrl.ToString(), "--token", EmulatorFixture.Token);

        Assert.Equal(7, run.ExitCode);
        Assert.Equal("cbtyped: Cb server does not support Live Response\n", run.Error.ReplaceLineEndings("\n"));
    }

    private static string TempPath() => Path.Combine(Path.GetTempPath(), "cbtyped-lr-" + Guid.NewGuid().ToString("N"));
}
