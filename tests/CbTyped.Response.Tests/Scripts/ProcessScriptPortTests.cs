using System.Buffers.Binary;
using System.Globalization;
using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Scripts;

/// <summary>
/// cbapi's process, binary and Live Response example scripts, ported under samples/scripts/: each is run with
/// <c>dotnet run</c> against the emulator and its output checked against what the emulator serves through the SDK.
/// </summary>
public sealed class ProcessScriptPortTests
{
    private const string SeedHost = "WIN-IA9NQ1GN8OI";
    private const string MimikatzMd5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";

    [Fact]
    public async Task CmdExeFilemodsPrintsEachExeAndDllACmdExeWroteWithTheBinarysSignatureForLastWrites()
    {
        await using var session = await EmulatorSession.StartAsync();
        // Two cmd.exe processes match: the seed's, copying mimikatz off a share, and sensor 4's, deleting cb.exe.
        var matches = await session.Client.Select<Process>().Where("process_name:cmd.exe (filemod:*.exe or filemod:*.dll)").ToListAsync();
        Assert.Equal(2, matches.Count);
        var expectedLines = 0;
        foreach (var match in matches)
            expectedLines += (await match.GetFileModsAsync()).Count(f => f.Path!.EndsWith(".exe", StringComparison.Ordinal) || f.Path.EndsWith(".dll", StringComparison.Ordinal));
        var cmd = matches.Single(p => p.Username == $"{SeedHost}\\bit9rad");
        var writes = (await cmd.GetFileModsAsync()).Where(f => f.Path!.EndsWith(".exe", StringComparison.Ordinal) || f.Path.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, writes.Count); // readme.txt, also copied, is not listed

        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "cmd_exe_filemods");
        Assert.True(exitCode == 0, error);
        var allLines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(expectedLines, allLines.Length);
        var prefix = $"{SeedHost},{SeedHost}\\bit9rad,{cmd.Path},";
        var lines = allLines.Where(l => l.Contains(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(writes.Count, lines.Count);
        Assert.Equal($"2016-11-11 21:02:10.412000,{prefix}c:\\users\\bit9rad\\downloads\\mimikatz.exe,CreatedFile,None,,", lines[0]);
        // A last write of a binary the server has: its signature and product name.
        var mimikatz = await session.Client.GetAsync<Binary>(MimikatzMd5);
        Assert.Equal($"2016-11-11 21:02:10.473000,{prefix}c:\\users\\bit9rad\\downloads\\mimikatz.exe,LastWrote,{MimikatzMd5},False,{mimikatz.ProductName}", lines[1]);
        // A last write of a file the server never collected: both columns empty.
        Assert.Equal($"2016-11-11 21:02:10.502000,{prefix}c:\\users\\bit9rad\\downloads\\mimilib.dll,LastWrote,{writes[3].Md5},,", lines[3]);
        // The tampering cmd.exe deleted cb.exe: no MD5, no binary to look up.
        Assert.EndsWith(@",c:\windows\carbonblack\cb.exe,Deleted,None,,", allLines.Single(l => l.Contains("cb.exe", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnumerateUsbDevicesPrintsTheDevicePartOfEachUsbDiskKeyAndWarnsForOtherDisks()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "enumerate_usb_devices");
        Assert.True(exitCode == 0, error);

        const string DiskClass = "{53f56307-b6bf-11d0-94f2-00a0c91efb8b}";
        var systemProcess = await session.Client.Select<Process>().Where("regmod:*deviceclasses*").SingleAsync();
        var keys = (await systemProcess.GetRegModsAsync()).Select(r => r.Path!).Where(p => p.Contains(DiskClass, StringComparison.Ordinal)).ToList();
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(keys.Count, lines.Length);
        Assert.Equal(@"WARN:::: ['" + keys[0].Replace(@"\", @"\\", StringComparison.Ordinal) + "']", lines[0]);
        Assert.Contains(@"##?#scsi#disk&ven_vbox", lines[0], StringComparison.Ordinal);
        Assert.Equal("ven_sandisk&prod_cruzer_blade&rev_1.00#4c530001230118109223&0#" + DiskClass, lines[1]);
        Assert.Equal(lines[1] + @"\#\device parameters", lines[2]);
    }

    [Fact]
    public async Task ProcessNetconnRatePrintsEveryProcessFasterThanTheRateNewestFirst()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 500 });
        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "process_netconn_rate", "-g", "1", "--rate", "5");
        Assert.True(exitCode == 0, error);

        var expected = new List<string>();
        await foreach (var proc in session.Client.Select<Process>().Where("netconn_count:[1 TO *]").Sort("last_update desc"))
        {
            var rate = proc.NetconnCount!.Value / (proc.LastUpdate!.Value - proc.Start!.Value).TotalSeconds;
            if (rate > 5)
                expected.Add(string.Create(CultureInfo.InvariantCulture, $"{proc.Hostname}|{proc.Username}|{proc.ProcessName}|{rate:F4}"));
        }
        Assert.True(expected.Count > 2);
        Assert.Equal(expected, output.TrimEnd('\n').Split('\n'));
        // The two net use processes: one connection each in 96 ms.
        Assert.Equal(2, expected.Count(l => l == $"{SeedHost}|{SeedHost}\\bit9rad|net.exe|10.4167"));
    }

    [Fact]
    public async Task TfListsTheRareChildrenOfAParentRarestFirstWithTheirDescendantsCommandLines()
    {
        await using var session = await EmulatorSession.StartAsync();
        var facets = await session.Client.Select<Process>().Where("parent_name:explorer.exe").FacetsAsync(["process_name"]);
        var terms = facets["process_name"].Reverse().ToList();
        Assert.Equal(["cmd.exe", "mimikatz.exe"], terms.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(terms, t => Assert.Equal(50.0, t.Ratio!.Value));

        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "tf", "-t", "explorer.exe", "-p", "50", "--cmdline");
        Assert.True(exitCode == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(terms.Count, lines.Length);
        for (var i = 0; i < terms.Count; i++)
        {
            var query = $"parent_name:explorer.exe process_name:{terms[i].Name}";
            var child = await session.Client.Select<Process>().Where(query).SingleAsync();
            Assert.StartsWith($"explorer.exe,{terms[i].Name},1,50.0,{query},{child.Hostname},{child.Username},{child.WebUiLink},{child.Cmdline}", lines[i], StringComparison.Ordinal);
        }
        // cmd.exe's descendants are the two net use commands; mimikatz has none.
        Assert.EndsWith(@",net  use z: \\test\blah,net  use y: \\test\blah", lines.Single(l => l.StartsWith("explorer.exe,cmd.exe,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("sekurlsa::logonpasswords", lines.Single(l => l.StartsWith("explorer.exe,mimikatz.exe,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventExportWritesARowPerEventOfEveryMatchingProcessToItsGuidAndSegmentFile()
    {
        await using var session = await EmulatorSession.StartAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            const string Query = "process_name:cmd.exe or process_name:mimikatz.exe";
            var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, new ScriptRun(WorkingDirectory: dir), "event_export", "--query", Query);
            Assert.True(exitCode == 0, error);

            var processes = await session.Client.Select<Process>().Where(Query).ToListAsync();
            Assert.Equal(3, processes.Count); // the seed's cmd.exe and mimikatz.exe, and sensor 4's tampering cmd.exe
            var lines = output.TrimEnd('\n').Split('\n');
            Assert.Equal(processes.Count, lines.Length);
            foreach (var (proc, line) in processes.Zip(lines))
            {
                var events = new List<ProcessEvent>();
                await foreach (var item in proc.ReadAllSegmentEventsAsync())
                    events.Add(item);
                Assert.Equal($"{events.Count} events out of {events.Count} total events exported from process at {proc.WebUiLink}", line);
                var rows = (await File.ReadAllTextAsync(Path.Combine(dir, $"{proc.Id}.{proc.SegmentId}.csv"))).Split("\r\n");
                Assert.Equal("ProcessPath,Timestamp,Event,Path/IP/Domain,Comments", rows[0]);
                Assert.Equal(events.Count + 2, rows.Length); // the header, a row per event, and the empty text after the last \r\n
            }

            var cmd = processes.Single(p => p.ProcessName == "cmd.exe" && p.Username == $"{SeedHost}\\bit9rad");
            var cmdRows = File.ReadAllLines(Path.Combine(dir, $"{cmd.Id}.{cmd.SegmentId}.csv"));
            Assert.Contains($"{cmd.Path},2016-11-11 21:02:10.473000,LastWrote,c:\\users\\bit9rad\\downloads\\mimikatz.exe,", cmdRows);
            Assert.Contains(cmdRows, r => r.StartsWith($"{cmd.Path},2016-11-11 20:59:25.667000,childproc,c:\\windows\\system32\\net.exe,net  use z: \\\\test\\blah", StringComparison.Ordinal));
            Assert.Contains(cmdRows, r => r.StartsWith(cmd.Path + ",2016-10-25 20:20:29.800000,modload,c:\\windows\\system32\\ntdll.dll,", StringComparison.Ordinal));
            var mimikatz = processes.Single(p => p.ProcessName == "mimikatz.exe");
            var crossproc = File.ReadAllLines(Path.Combine(dir, $"{mimikatz.Id}.{mimikatz.SegmentId}.csv")).Single(r => r.Contains(",ProcessOpen,", StringComparison.Ordinal));
            Assert.Equal($"{mimikatz.Path},2016-11-14 09:30:13.250000,ProcessOpen,c:\\windows\\system32\\lsass.exe,PROCESS_ALL_ACCESS", crossproc);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task NewBinariesAfterDateWritesEachCollectedBinaryAProcessWroteWithItsPeLinkTimeAndExecutions()
    {
        await using var session = await EmulatorSession.StartAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, new ScriptRun(WorkingDirectory: dir), "new_binaries_after_date", "-d", "2016-11-01");
            Assert.True(exitCode == 0, error);
            Assert.Equal("Performing Query...\n", output);

            // cmd.exe wrote mimikatz.exe (collected) and mimilib.dll (never collected, so not listed).
            var binary = await session.Client.GetAsync<Binary>(MimikatzMd5);
            var executions = await session.Client.Select<Process>().Where("process_md5:" + MimikatzMd5).CountAsync();
            var linkTime = await LinkTimeAsync(binary);
            var added = binary.ServerAddedTimestamp!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            var expected = "Binary MD5,Binary Link,Signature Status,Company,Observed Date,Host Count,Binary TimeStamp,Number of Executions\r\n"
                + $"{MimikatzMd5},{binary.WebUiLink},Unsigned,{binary.CompanyName},{added},{binary.HostCount},{linkTime},{executions}\r\n";
            Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(dir, "new_binaries_after_date.csv")));
            Assert.Equal(1, executions);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task NewBinariesWithNetconnsWritesARowPerProcessWithConnectionsOfEachNewRareBinary()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 500 });
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var output = Path.Combine(dir, "out.csv");
            var run = await ScriptRunner.RunAsync(session.Emulator, "new_binaries_with_netconns", "-d", "2016-10-01", "-f", output);
            Assert.True(run.ExitCode == 0, run.Error);

            var expected = new List<string>();
            await foreach (var binary in session.Client.Select<Binary>().Where("host_count:[1 TO 3] server_added_timestamp:[2016-10-01T00:00:00 TO *] -observed_filename:*.dll -digsig_publisher:Microsoft* -alliance_score_srstrust:*"))
            {
                Assert.False(binary.DigsigPublisher?.StartsWith("Microsoft", StringComparison.Ordinal) ?? false);
                var linkTime = await LinkTimeAsync(binary);
                await foreach (var proc in session.Client.Select<Process>().Where($"process_md5:{binary.Md5} netconn_count:[1 TO *]"))
                    expected.Add($"{proc.Path},{proc.Hostname},{proc.Username},{proc.NetconnCount},{proc.WebUiLink},{binary.WebUiLink},{binary.Md5},{Raw(binary, "digsig_result")},{binary.CompanyName},"
                        + binary.ServerAddedTimestamp!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + $",{binary.HostCount},{linkTime}");
            }
            Assert.True(expected.Count > 1);
            var rows = (await File.ReadAllTextAsync(output)).Split("\r\n");
            Assert.Equal("FileName,Hostname,Username,Network Connections,Process Link,Binary Link,Binary MD5,Signature Status,Company,Observed Date,Host Count,Binary TimeStamp", rows[0]);
            Assert.Equal([.. expected, ""], rows[1..]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task DownloadFromLrSavesTheRemoteFileUnderItsBaseNameFromTheHostsOnlineSensor()
    {
        await using var session = await EmulatorSession.StartAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            const string Remote = @"c:\windows\system32\drivers\etc\hosts";
            var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, new ScriptRun(WorkingDirectory: dir), "download_from_lr", "-H", SeedHost, "-p", Remote);
            Assert.True(exitCode == 0, error);
            Assert.Equal($"Successfully wrote {Remote} to local file hosts.\n", output);
            Assert.Equal("127.0.0.1 localhost\r\n", await File.ReadAllTextAsync(Path.Combine(dir, "hosts")));
            Assert.Contains(session.Requests.Entries, e => e.Method == "POST" && e.Path.EndsWith("/command", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task CblrCliRunsTheCommandsItReadsFromStdinInASessionWithItsOwnWorkingDirectory()
    {
        await using var session = await EmulatorSession.StartAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var input = string.Join('\n', "pwd", "connect " + SeedHost, @"cd windows\system32\drivers\etc", "pwd", "dir", "cat hosts",
                "get hosts copy-of-hosts", @"cd ..\nowhere", "ps", "frobnicate now", "detach", "");
            var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, new ScriptRun(StandardInput: input, WorkingDirectory: dir), "cblr_cli");
            Assert.True(exitCode == 0, error);

            const string Etc = @"c:\windows\system32\drivers\etc";
            var lines = output.Split('\n');
            Assert.Equal("(unattached)> You must attach to a session", lines[0]);
            Assert.Matches(@"^\(unattached\)> Session: \d+$", lines[1]);
            Assert.Equal(@"  Available Drives: c:\", lines[2]);
            Assert.StartsWith("  Supported Commands: put file, get file, ", lines[3], StringComparison.Ordinal);
            Assert.Equal("  Working Directory: c:", lines[4]);
            Assert.Equal($@"c:\> {Etc}\> {Etc}", lines[5]);
            Assert.Equal("", lines[6]);
            Assert.Equal($@"{Etc}\> Directory: {Etc}\*", lines[7]);
            Assert.Matches(@"^\d\d/\d\d/\d{4} \d\d:\d\d:\d\d [AP]M\t {18}21 hosts$", lines[9]);
            Assert.Equal($@"{Etc}\> 127.0.0.1 localhost", lines[11]); // the file's \r\n, as the runner reads it
            Assert.Equal("127.0.0.1 localhost\r\n", await File.ReadAllTextAsync(Path.Combine(dir, "copy-of-hosts")));
            Assert.Contains($@"{Etc}\> {Etc}\> Error: Path c:\windows\system32\drivers\nowhere does not exist", lines);
            Assert.Contains(lines, l => l.EndsWith($"    4  {"ntoskrnl.exe",-30} {"SYSTEM",-20}", StringComparison.Ordinal));
            Assert.Contains($@"{Etc}\> *** Unknown syntax: frobnicate now", lines);
            // detach closed the session, then end of input left the shell at the unattached prompt.
            Assert.Equal($@"{Etc}\> (unattached)> ", lines[^1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // A field's text as the server sent it (digsig_result's values have spaces: "Invalid Chain").
    private static string Raw(Binary binary, string field) =>
        System.Text.Json.JsonDocument.Parse(binary.GetRawValue(field)!).RootElement.GetString()!;

    // The COFF header's TimeDateStamp read straight from the downloaded bytes, as time.asctime prints it.
    private static async Task<string> LinkTimeAsync(Binary binary)
    {
        await using var file = await binary.OpenFileAsync();
        var header = new byte[0x98];
        await file.ReadExactlyAsync(header);
        Assert.Equal("PE\0\0"u8.ToArray(), header[0x80..0x84]);
        var time = DateTime.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x88)));
        return time.ToString("ddd MMM ", CultureInfo.InvariantCulture) + time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + time.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture);
    }
}
