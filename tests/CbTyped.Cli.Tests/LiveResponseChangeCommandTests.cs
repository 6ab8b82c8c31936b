using System.Text;
using System.Text.Json;

namespace CbTyped.Cli.Tests;

/// <summary>
/// <c>cbtyped lr rm|mkdir|memdump|archive|reg …</c> against the emulator's endpoint on sensor 4 (its own emulator:
/// these commands change the endpoint's files and registry).
/// </summary>
public sealed class LiveResponseChangeCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private string[] Lr(params string[] words) => ["lr", .. words, "--lr-poll-ms", "10", .. emulator.Connection];

    [Fact]
    public async Task Mkdir_then_rm_change_the_endpoints_files()
    {
        var mkdir = await CliRun.RunAsync(Lr("mkdir", "4", @"c:\windows\temp\ir"));
        Assert.Equal(0, mkdir.ExitCode);
        Assert.Equal("HOSTNAME: c:\\windows\\temp\\ir created\n", mkdir.Output.ReplaceLineEndings("\n"));
        var ls = await CliRun.RunAsync(Lr("ls", "4", @"c:\windows\temp\"));
        Assert.Matches(@"(?m)^ir\s+<DIR>\s", ls.Output);

        var rm = await CliRun.RunAsync(Lr("rm", "4", @"C:\Users\Public\readme.txt", "--json"));
        Assert.Equal(0, rm.ExitCode);
        using (var doc = JsonDocument.Parse(rm.Output))
            Assert.Equal("deleted", doc.RootElement.GetProperty("result").GetString());
        var gone = await CliRun.RunAsync(Lr("get", "4", @"C:\Users\Public\readme.txt"));
        Assert.Equal(5, gone.ExitCode);
        var again = await CliRun.RunAsync(Lr("rm", "4", @"C:\Users\Public\readme.txt"));
        Assert.Equal(5, again.ExitCode);
        Assert.Contains("ERROR_FILE_NOT_FOUND", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memdump_downloads_the_dump_owner_only_deletes_it_on_the_endpoint_and_keeps_an_existing_file()
    {
        var directory = Directory.CreateTempSubdirectory("cbtyped-memdump-").FullName;
        try
        {
            var path = Path.Combine(directory, "dump.zip");
            var run = await CliRun.RunAsync(Lr("memdump", "4", "-o", path));
            Assert.Equal(0, run.ExitCode);
            Assert.Equal($"memdump of HOSTNAME: 25 bytes -> {path}\n", run.Output.ReplaceLineEndings("\n"));
            Assert.Equal("MDMP emulated memory dump", Encoding.ASCII.GetString(File.ReadAllBytes(path)));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            // The dump file on the endpoint was deleted once fetched: nothing named cblr.* is left in its temp directory.
            var temp = await CliRun.RunAsync(Lr("ls", "4", @"c:\windows\temp\", "--json"));
            using (var doc = JsonDocument.Parse(temp.Output))
                Assert.DoesNotContain(doc.RootElement.EnumerateArray(), e => e.GetProperty("filename").GetString()!.StartsWith("cblr.", StringComparison.Ordinal));

            var exists = await CliRun.RunAsync(Lr("memdump", "4", "-o", path));
            Assert.Equal(9, exists.ExitCode);
            Assert.Equal(path, Assert.Single(Directory.GetFiles(directory)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Archive_downloads_the_sessions_zip()
    {
        var path = Path.Combine(Path.GetTempPath(), "cbtyped-archive-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            var run = await CliRun.RunAsync(Lr("archive", "HOSTNAME", "-o", path, "--json"));
            Assert.Equal(0, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Output);
            Assert.Equal(4, doc.RootElement.GetProperty("sensor_id").GetInt32());
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(bytes.Length, doc.RootElement.GetProperty("bytes").GetInt64());
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Reg_lists_reads_sets_and_deletes_values_and_keys()
    {
        var ls = await CliRun.RunAsync(Lr("reg", "ls", "4", @"HKLM\SOFTWARE\CbTyped"));
        Assert.Equal(0, ls.ExitCode);
        var lines = ls.Output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^Name\s+Type\s+Data$", lines[0]);
        Assert.Matches(@"^Sub\s+<KEY>$", lines[2]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Version\s+REG_SZ\s+1\.0$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Count\s+REG_DWORD\s+3$"));

        var get = await CliRun.RunAsync(Lr("reg", "get", "4", @"HKLM\SOFTWARE\CbTyped\Version"));
        Assert.Equal("1.0\n", get.Output.ReplaceLineEndings("\n"));

        var set = await CliRun.RunAsync(Lr("reg", "set", "4", @"HKLM\SOFTWARE\CbTyped\Count", "9", "--type", "REG_DWORD"));
        Assert.Equal(0, set.ExitCode);
        Assert.Equal("HOSTNAME: HKLM\\SOFTWARE\\CbTyped\\Count set\n", set.Output.ReplaceLineEndings("\n"));
        var json = await CliRun.RunAsync(Lr("reg", "get", "4", @"HKLM\SOFTWARE\CbTyped\Count", "--json"));
        using (var doc = JsonDocument.Parse(json.Output))
        {
            Assert.Equal("REG_DWORD", doc.RootElement.GetProperty("type").GetString());
            Assert.Equal(9, doc.RootElement.GetProperty("data").GetInt32());
        }

        var notNumber = await CliRun.RunAsync(Lr("reg", "set", "4", @"HKLM\SOFTWARE\CbTyped\Count", "nine", "--type", "REG_DWORD"));
        Assert.Equal(2, notNumber.ExitCode);

        Assert.Equal(0, (await CliRun.RunAsync(Lr("reg", "mkkey", "4", @"HKLM\SOFTWARE\CbTyped\IR"))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(Lr("reg", "rm", "4", @"HKLM\SOFTWARE\CbTyped\Version"))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(Lr("reg", "rm", "4", @"HKLM\SOFTWARE\CbTyped\IR", "--key"))).ExitCode);
        var after = await CliRun.RunAsync(Lr("reg", "ls", "4", @"HKLM\SOFTWARE\CbTyped", "--json"));
        using var listed = JsonDocument.Parse(after.Output);
        var names = listed.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Sub", "Count"], names);
        var missing = await CliRun.RunAsync(Lr("reg", "get", "4", @"HKLM\SOFTWARE\CbTyped\Version"));
        Assert.NotEqual(0, missing.ExitCode);
    }
}
