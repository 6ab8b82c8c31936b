using System.Text.Json;

namespace CbTyped.Cli.Tests;

/// <summary><c>binary search|info</c>, <c>process events</c> and <c>watchlist create --from-query</c> against the seed scenario.</summary>
public sealed class SearchAndTimelineCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Mimikatz = "7FB55F5A62E78AF9B58D08AAEEAEF848";
    private const string MimikatzProcess = "00000004-0000-1180-01d2-3e59b2f3cfa0";

    [Fact]
    public async Task Binary_search_lists_matches_with_their_signature_and_counts_them()
    {
        var run = await CliRun.RunAsync(["binary", "search", "digsig_result:Unsigned", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^MD5\s+Size\s+File\s+Company\s+Signed\s+Hosts\s+First seen \(UTC\)$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(Mimikatz, StringComparison.Ordinal) && l.Contains("mimikatz.exe", StringComparison.Ordinal) && l.Contains("Unsigned", StringComparison.Ordinal));
        Assert.All(lines[2..], l => Assert.Contains("Unsigned", l, StringComparison.Ordinal));
        Assert.Matches(@"^\d+ binar(y|ies)\n$", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Binary_info_shows_one_binary_and_any_case_of_its_md5_names_it()
    {
        var run = await CliRun.RunAsync(["binary", "info", Mimikatz.ToLowerInvariant(), .. emulator.Connection]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("MD5               " + Mimikatz + "\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Company\s+gentilkiwi \(Benjamin DELPY\)$", run.Output);
        Assert.Matches(@"(?m)^Signature\s+Unsigned$", run.Output);
        Assert.Matches(@"(?m)^Endpoints\s+HOSTNAME \(sensor 4\)$", run.Output);

        var json = await CliRun.RunAsync(["binary", "info", Mimikatz, "--json", .. emulator.Connection]);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal("mimikatz.exe", doc.RootElement.GetProperty("original_filename").GetString());

        var missing = await CliRun.RunAsync(["binary", "info", "00000000000000000000000000000000", .. emulator.Connection]);
        Assert.Equal(5, missing.ExitCode);
        var notMd5 = await CliRun.RunAsync(["binary", "info", "../../etc/passwd", .. emulator.Connection]);
        Assert.Equal(2, notMd5.ExitCode);
    }

    [Fact]
    public async Task Process_events_show_the_whole_timeline_oldest_first()
    {
        var run = await CliRun.RunAsync(["process", "events", MimikatzProcess, .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^Time \(UTC\)\s+Type\s+Segment\s+Event$", lines[0]);
        var rows = lines[2..];
        Assert.Equal(["modload", "modload", "crossproc", "filemod"], rows.Select(r => r.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1].Trim()));
        Assert.Contains(@"ProcessOpen to c:\windows\system32\lsass.exe", rows[2], StringComparison.Ordinal);
        Assert.Contains(@"c:\users\jdoe\appdata\local\temp\lsass.dmp", rows[3], StringComparison.Ordinal);
        var times = rows.Select(r => r[..20]).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
        Assert.Equal("4 events in 1 segment\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Process_events_filter_by_type_and_write_json_for_one_segment()
    {
        var run = await CliRun.RunAsync(["process", "events", MimikatzProcess + "/0", "--type", "crossproc", "-t", "filemod,modload", "--json", .. emulator.Connection]);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal(4, doc.RootElement.GetArrayLength());

        var crossOnly = await CliRun.RunAsync(["process", "events", MimikatzProcess, "--type", "crossproc", "--json", .. emulator.Connection]);
        using var cross = JsonDocument.Parse(crossOnly.Output);
        var e = Assert.Single(cross.RootElement.EnumerateArray());
        Assert.Equal("crossproc", e.GetProperty("type").GetString());
        Assert.Equal("ProcessOpen", e.GetProperty("action").GetString());
        Assert.Equal(@"c:\windows\system32\lsass.exe", e.GetProperty("other_path").GetString());
        Assert.Equal(MimikatzProcess, e.GetProperty("process_guid").GetString());
    }

    [Fact]
    public async Task Process_events_refuse_what_is_not_a_process_and_say_when_none_matches()
    {
        var badType = await CliRun.RunAsync(["process", "events", MimikatzProcess, "--type", "keystrokes", .. emulator.Connection]);
        Assert.Equal(2, badType.ExitCode);
        Assert.Contains("is not an event kind; use one of modload, filemod", badType.Error, StringComparison.Ordinal);

        var injected = await CliRun.RunAsync(["process", "events", "x OR process_name:*", .. emulator.Connection]);
        Assert.Equal(2, injected.ExitCode);

        var unknown = await CliRun.RunAsync(["process", "events", "00000009-0000-0000-0000-000000000000", .. emulator.Connection]);
        Assert.Equal(5, unknown.ExitCode);
        Assert.Equal("cbtyped: process 00000009-0000-0000-0000-000000000000 not found.\n", unknown.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Watchlist_create_from_query_runs_the_search_first_and_stores_it_as_cbapi_would()
    {
        var run = await CliRun.RunAsync(["watchlist", "create", "--name", "Mimikatz runs", "--from-query", "process_name:mimikatz.exe", .. emulator.Connection]);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^watchlist \d+ created: Mimikatz runs \(its query matches 1 process now\)\n$", run.Output.ReplaceLineEndings("\n"));

        var list = await CliRun.RunAsync(["watchlist", "list", "--json", .. emulator.Connection]);
        using var doc = JsonDocument.Parse(list.Output);
        var created = Assert.Single(doc.RootElement.EnumerateArray(), w => w.GetProperty("name").GetString() == "Mimikatz runs");
        Assert.Equal("events", created.GetProperty("index_type").GetString());
        Assert.Contains("q=process_name%3Amimikatz.exe", created.GetProperty("search_query").GetString(), StringComparison.Ordinal);

        var binaries = await CliRun.RunAsync(["watchlist", "create", "--name", "Unsigned", "--index", "modules", "--from-query", "digsig_result:Unsigned", "--json", .. emulator.Connection]);
        Assert.Equal(0, binaries.ExitCode);
        using var made = JsonDocument.Parse(binaries.Output);
        Assert.Equal("modules", made.RootElement.GetProperty("index_type").GetString());

        // A query the server refuses creates nothing (exit 6), and --query with --from-query is a usage error.
        var bad = await CliRun.RunAsync(["watchlist", "create", "--name", "Broken", "--from-query", "process_name:(", .. emulator.Connection]);
        Assert.Equal(6, bad.ExitCode);
        var after = await CliRun.RunAsync(["watchlist", "list", "--json", .. emulator.Connection]);
        Assert.DoesNotContain("\"Broken\"", after.Output, StringComparison.Ordinal);
        var both = await CliRun.RunAsync(["watchlist", "create", "--name", "X", "--query", "a", "--from-query", "b", .. emulator.Connection]);
        Assert.Equal(2, both.ExitCode);
    }
}
