using System.Text.Json;

namespace CbTyped.Cli.Tests;

/// <summary><c>cbtyped feed …</c> against the seed feeds: 1 abusech, 2 cbbanning (enabled), 3 localintel (disabled).</summary>
public sealed class FeedCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task List_shows_the_feeds_and_whether_they_are_enabled()
    {
        var run = await CliRun.RunAsync(["feed", "list", .. emulator.Connection]);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^ 1\s+abusech\s+abuse\.ch Malware Domains\s+yes\s", run.Output);
        Assert.Matches(@"(?m)^ 3\s+localintel\s+Local Threat Intel\s+no\s+file:///var/run/cb/localintel\.json$", run.Output);
    }

    [Fact]
    public async Task Enable_then_disable_changes_the_feed_and_repeating_it_says_already()
    {
        var enable = await CliRun.RunAsync(["feed", "enable", "3", .. emulator.Connection]);
        Assert.Equal(0, enable.ExitCode);
        Assert.Equal("feed 3 (localintel): enabled\n", enable.Output.ReplaceLineEndings("\n"));
        var again = await CliRun.RunAsync(["feed", "enable", "3", .. emulator.Connection]);
        Assert.Equal("feed 3 (localintel): already enabled\n", again.Output.ReplaceLineEndings("\n"));

        // Enabled, it can be synchronised; disabled again, the server's refusal is exit 7 naming the feed.
        var sync = await CliRun.RunAsync(["feed", "sync", "3", .. emulator.Connection]);
        Assert.Equal(0, sync.ExitCode);
        Assert.Equal("feed 3 (localintel): full sync requested\n", sync.Output.ReplaceLineEndings("\n"));

        var disable = await CliRun.RunAsync(["feed", "disable", "3", "--json", .. emulator.Connection]);
        Assert.Equal(0, disable.ExitCode);
        using var doc = JsonDocument.Parse(disable.Output);
        Assert.False(doc.RootElement.GetProperty("enabled").GetBoolean());

        var refused = await CliRun.RunAsync(["feed", "sync", "3", "--changed-only", .. emulator.Connection]);
        Assert.Equal(7, refused.ExitCode);
        Assert.Equal("cbtyped: Cannot synchronize feed 3: feed is disabled\n", refused.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Hits_of_a_disabled_feed_exit_7_and_an_unknown_feed_exits_5()
    {
        var disabled = await CliRun.RunAsync(["feed", "hits", "3", "--binaries", .. emulator.Connection]);
        // The enable/disable test may run first; either way feed 3 ends disabled, and hits never search it.
        Assert.Equal(7, disabled.ExitCode);
        Assert.Contains("is disabled, so its reports tag nothing; enable it with 'cbtyped feed enable 3'", disabled.Error, StringComparison.Ordinal);

        var unknown = await CliRun.RunAsync(["feed", "disable", "42", .. emulator.Connection]);
        Assert.Equal(5, unknown.ExitCode);
        Assert.Equal("cbtyped: feed 42 not found (see 'cbtyped feed list').\n", unknown.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Hits_search_what_the_feeds_reports_tagged()
    {
        // abusech's mimikatz report names the mimikatz binary's MD5 (score 90); cbbanning's scores it 50.
        var binaries = await CliRun.RunAsync(["feed", "hits", "1", "--binaries", "--json", .. emulator.Connection]);
        Assert.Equal(0, binaries.ExitCode);
        using var doc = JsonDocument.Parse(binaries.Output);
        Assert.Equal("7FB55F5A62E78AF9B58D08AAEEAEF848", Assert.Single(doc.RootElement.EnumerateArray()).GetProperty("md5").GetString());
        Assert.Equal("1 binary\n", binaries.Error.ReplaceLineEndings("\n"));

        var processes = await CliRun.RunAsync(["feed", "hits", "1", .. emulator.Connection]);
        Assert.Matches(@"(?m)^2016-11-14 09:30:12Z\s+HOSTNAME\s+mimikatz\.exe\s", processes.Output);

        var aboveItsScore = await CliRun.RunAsync(["feed", "hits", "2", "--min-score", "60", .. emulator.Connection]);
        Assert.Equal(0, aboveItsScore.ExitCode);
        Assert.Equal("0 processes\n", aboveItsScore.Error.ReplaceLineEndings("\n"));
    }
}
