using CbTyped.Examples;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.ModelsB;

/// <summary>
/// The seed walkthrough (samples/CbTyped.Examples) against the emulator it embeds (a 5.2 server): each step's output
/// compared line by line with what cb-response-api-examples.txt prints.
/// </summary>
public sealed class WalkthroughTests
{
    private static readonly string[] ParentChain =
    [
        @"2016-10-25 20:20:29.790000: WIN-IA9NQ1GN8OI\bit9rad ran ""C:\Windows\system32\cmd.exe""",
        @" 2016-10-25 14:08:49.651000: WIN-IA9NQ1GN8OI\bit9rad ran C:\Windows\Explorer.EXE",
        @"  2016-10-25 14:08:49.370000: WIN-IA9NQ1GN8OI\bit9rad ran C:\Windows\system32\userinit.exe",
        @"   2016-10-25 14:08:26.382000: SYSTEM ran winlogon.exe",
        @"    2016-10-25 14:08:26.242000: SYSTEM ran \SystemRoot\System32\smss.exe 00000001 00000030",
        @"     2016-10-25 14:08:23.590000: SYSTEM ran \SystemRoot\System32\smss.exe",
        @"      2016-10-25 14:08:23.559000: SYSTEM ran c:\windows\system32\ntoskrnl.exe",
        @"       2016-10-25 14:08:23.374000:  ran c:\windows\system32\ntoskrnl.exe",
    ];

    private static async Task<(EmulatorSession Session, StepContext Step, StringWriter Output)> StartAsync()
    {
        var session = await EmulatorSession.StartAsync(EmbeddedEmulator.Options());
        var output = new StringWriter();
        var options = new WalkthroughOptions { DownloadDirectory = Path.Combine(Path.GetTempPath(), "cbtyped-walkthrough-" + Guid.NewGuid().ToString("N")) };
        return (session, new StepContext(session.Client, options, output), output);
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split('\n').Select(l => l.TrimEnd('\r').TrimEnd()).Where(l => l.Length > 0).ToArray();

    [Fact]
    public async Task Step2BansTheBinaryAndReportsTheDuplicateBan()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await BanBinaryStep.RunAsync(step, default);

        Assert.Equal(
        [
            "Ban a Binary",
            "------------",
            "Banned 7FB55F5A62E78AF9B58D08AAEEAEF848: Banned from API (enabled: True)",
            "Banning it again fails: md5hash 7FB55F5A62E78AF9B58D08AAEEAEF848 already exists",
        ], Lines(output));
        Assert.Equal(2, session.Requests.CountOf("POST", "/api/v1/banning/blacklist"));
    }

    [Fact]
    public async Task Step4PrintsBothNetExeProcessesWithTheirParentsAndTheSecondWalkIsCached()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await QueryProcessesStep.RunAsync(step, default);

        string[] expected =
        [
            "Querying Processes and Events",
            "-----------------------------",
            @"2016-11-11 20:59:31.631000: WIN-IA9NQ1GN8OI\bit9rad ran net  use y: \\test\blah",
            .. ParentChain,
            @"2016-11-11 20:59:25.667000: WIN-IA9NQ1GN8OI\bit9rad ran net  use z: \\test\blah",
            .. ParentChain,
        ];
        Assert.Equal(expected, Lines(output));
        // Each ancestor is fetched once for both walks: the second walk is served by the identity cache.
        var perProcess = session.Requests.Entries
            .Where(e => e.Path.Contains("/process/", StringComparison.Ordinal) && e.Method == "GET")
            .GroupBy(e => e.Path)
            .ToList();
        Assert.All(perProcess, g => Assert.Single(g));
    }

    [Fact]
    public async Task Step5CreatesTheWatchlistReadsItsQueryCountsAndDisablesIt()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await WatchlistStep.RunAsync(step, default);

        Assert.Equal(
        [
            "Feed and Watchlist Maintenance",
            "------------------------------",
            "Created watchlist 222: [WARN] Attempts to mount internal share",
            @"process_name:net.exe cmdline:\\test\blah",
            "2",
            "Watchlist 222 enabled: False",
        ], Lines(output));
        Assert.Equal(1, session.Requests.CountOf("PUT", "/api/v1/watchlist/222"));
    }

    [Fact]
    public async Task Step6JoinsHostGroupAndSigningAndFetchesEachSensorGroupAndBinaryOnce()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await JoinsStep.RunAsync(step, default);

        var lines = Lines(output);
        Assert.Equal(
        [
            "Joining Everything Together",
            "---------------------------",
            "On host WIN-IA9NQ1GN8OI (part of sensor group Default Group):",
            @"- At 2016-11-11 20:59:31.631000, process net  use y: \\test\blah was executed by WIN-IA9NQ1GN8OI\bit9rad",
            "- That binary (79b6d4c5283fc806387c55b8d7c8b762) was signed by Microsoft Corporation 1569 days before it was executed.",
            "On host WIN-IA9NQ1GN8OI (part of sensor group Default Group):",
            @"- At 2016-10-25 20:20:29.790000, process ""C:\Windows\system32\cmd.exe""  was executed by WIN-IA9NQ1GN8OI\bit9rad",
            "- That binary (bf93a2f9901e9b3dfca8a7982f4a9868) was signed by Microsoft Corporation 1552 days before it was executed.",
        ], lines.Take(8));
        Assert.Equal(18, lines.Count(l => l.StartsWith("On host WIN-IA9NQ1GN8OI (part of sensor group Default Group):", StringComparison.Ordinal)));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/sensor/3"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/group/1"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/binary/79B6D4C5283FC806387C55B8D7C8B762/summary"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/binary/BF93A2F9901E9B3DFCA8A7982F4A9868/summary"));
    }

    [Fact]
    public async Task Step7CreatesTheUserAndTheGroupAndMovesTheSensor()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await AdministrationStep.RunAsync(step, default);

        Assert.Equal(
        [
            "Administrative Tasks",
            "--------------------",
            "Created user jgarman (Jason Garman, jgarman@carbonblack.com)",
            "Created sensor group Critical Endpoints (id 2) in site 1",
            "Moved sensor WIN-IA9NQ1GN8OI (id 3) to sensor group 2",
        ], Lines(output));
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/user"));
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/group"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/group/2"));
        Assert.Equal(1, session.Requests.CountOf("PUT", "/api/v1/sensor/3"));
    }

    [Fact]
    public async Task AgainstARealServerEveryStateChangingStepIsRefusedWithoutTheFlag()
    {
        var (session, _, _) = await StartAsync();
        await using var __ = session;
        var output = new StringWriter();
        var step = new StepContext(session.Client, new WalkthroughOptions { IsRealServer = true }, output);

        await BanBinaryStep.RunAsync(step, default);
        await IsolateSensorStep.RunAsync(step, default);
        await AdministrationStep.RunAsync(step, default);

        Assert.Equal(3, Lines(output).Count(l => l.StartsWith("Skipped: ", StringComparison.Ordinal)));
        Assert.DoesNotContain(session.Requests.Entries, e => e.Method is "POST" or "PUT" or "DELETE");
    }

    [Fact]
    public async Task TheWholeSampleFollowsTheDocumentsOrder()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await new Walkthrough(session.Client, step.Options, output).RunAsync();

        var lines = Lines(output);
        string[] headings =
        [
            "Download a Binary from Cb Response", "Ban a Binary", "Isolate a Sensor", "Querying Processes and Events",
            "Feed and Watchlist Maintenance", "Joining Everything Together", "Administrative Tasks",
        ];
        var positions = headings.Select(h => Array.IndexOf(lines, h)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal("\"MZ\"", lines[positions[0] + 3]);
        Assert.Equal(["True", "True"], lines[(positions[2] + 2)..(positions[2] + 4)]);
    }
}
