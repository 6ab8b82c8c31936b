using System.Globalization;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// Walkthrough step 4 (query processes and walk parents) and step 6 (joins) against the emulator over HTTP, with the
/// cache claims counted in the emulator's request log.
/// </summary>
public sealed class ProcessTests
{
    private const string Query = "process_name:net.exe";
    private const string Share = @"cmdline:\\test\blah";

    private static readonly string[] Chain =
    [
        @"2016-10-25 20:20:29.790000: WIN-IA9NQ1GN8OI\bit9rad ran ""C:\Windows\system32\cmd.exe"" ",
        @" 2016-10-25 14:08:49.651000: WIN-IA9NQ1GN8OI\bit9rad ran C:\Windows\Explorer.EXE",
        @"  2016-10-25 14:08:49.370000: WIN-IA9NQ1GN8OI\bit9rad ran C:\Windows\system32\userinit.exe",
        @"   2016-10-25 14:08:26.382000: SYSTEM ran winlogon.exe",
        @"    2016-10-25 14:08:26.242000: SYSTEM ran \SystemRoot\System32\smss.exe 00000001 00000030",
        @"     2016-10-25 14:08:23.590000: SYSTEM ran \SystemRoot\System32\smss.exe",
        @"      2016-10-25 14:08:23.559000: SYSTEM ran c:\windows\system32\ntoskrnl.exe",
        @"       2016-10-25 14:08:23.374000:  ran c:\windows\system32\ntoskrnl.exe",
    ];

    [Fact]
    public async Task Step4QueryFindsBothNetUseProcessesAndWalksTheirParents()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var lines = new List<string>();
        void PrintDetails(Process proc, int depth) => lines.Add(Details(proc, depth));

        var query = cb.Select<Process>().Where(Query).And(Share);
        var requestsPerWalk = new List<int>();
        await foreach (var proc in query)
        {
            PrintDetails(proc, 0);
            int before = session.Requests.Count;
            await proc.WalkParentsAsync(PrintDetails);
            requestsPerWalk.Add(session.Requests.Count - before);
        }

        string[] expected =
        [
            @"2016-11-11 20:59:31.631000: WIN-IA9NQ1GN8OI\bit9rad ran net  use y: \\test\blah", .. Chain,
            @"2016-11-11 20:59:25.667000: WIN-IA9NQ1GN8OI\bit9rad ran net  use z: \\test\blah", .. Chain,
        ];
        Assert.Equal(expected, lines);
        // The first walk fetches every other ancestor, as cbapi does: each summary's parent block is the next
        // ancestor's document (cmd, userinit, the second smss, System and the placeholder that ends the chain).
        Assert.Equal(5, requestsPerWalk[0]);
        // The second net.exe shares every ancestor: the identity cache answers, no HTTP request at all.
        Assert.Equal(0, requestsPerWalk[1]);
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/process/00000003-0000-036c-01d2-2efd3af51186/"));
        // Each ancestor is loaded as cbapi loads it: the summary, segment 0 (the whole process) on this 6.x server, 15 children.
        Assert.Contains(session.Requests.Entries, e => e.PathAndQuery == "/api/v1/process/00000003-0000-036c-01d2-2efd3af51186/0?children=15");
    }

    [Fact]
    public async Task ProcessIdsAreGuidsWithSensorPidAndStartInside()
    {
        await using var session = await EmulatorSession.StartAsync();
        var proc = await session.Client.Select<Process>().Where(Query).And(Share).FirstAsync();
        var parent = await proc.GetParentAsync();

        Assert.NotNull(parent);
        Assert.Equal("00000003-0000-036c-01d2-2efd3af51186", parent.Id);
        var guid = parent.ParsedGuid!.Value;
        Assert.Equal(3, guid.SensorId);
        Assert.Equal(0x36c, guid.Pid);
        Assert.Equal(parent.Start!.Value.UtcDateTime, guid.CreateTime.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.True(parent.HasSummary);
        Assert.Equal(new Uri(session.Emulator.BaseUrl, "/#analyze/" + parent.Id + "/" + parent.SegmentId), parent.WebUiLink);
    }

    [Fact]
    public async Task Step6JoinsFetchEachSensorGroupAndBinaryOnce()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var lines = new List<string>();

        async Task PrintDetails(Process proc, int depth, CancellationToken ct)
        {
            var sensor = await proc.GetSensorAsync(ct);
            var group = await sensor!.GetGroupAsync(ct);
            lines.Add($"On host {proc.Hostname} (part of sensor group {group!.Name}):");
            lines.Add($"- At {Time(proc.Start)}, process {proc.Cmdline} was executed by {proc.Username}");
            var binary = await proc.GetBinaryAsync(ct);
            if (binary is { IsSigned: true, SigningData: { } signing })
            {
                // The start time is the sensor's local clock written as UTC; we only want an estimate (as cbapi's example).
                int days = (proc.Start!.Value - signing.SignTime!.Value).Days;
                lines.Add($"- That binary ({proc.ProcessMd5}) was signed by {signing.Publisher} {days} days before it was executed.");
            }
        }

        await foreach (var proc in cb.Select<Process>().Where(Query).And(Share))
        {
            await PrintDetails(proc, 0, default);
            await proc.WalkParentsAsync(PrintDetails);
        }

        Assert.Equal("On host WIN-IA9NQ1GN8OI (part of sensor group Default Group):", lines[0]);
        Assert.Equal(@"- At 2016-11-11 20:59:31.631000, process net  use y: \\test\blah was executed by WIN-IA9NQ1GN8OI\bit9rad", lines[1]);
        Assert.Equal("- That binary (79b6d4c5283fc806387c55b8d7c8b762) was signed by Microsoft Corporation 1569 days before it was executed.", lines[2]);
        Assert.Equal("On host WIN-IA9NQ1GN8OI (part of sensor group Default Group):", lines[3]);
        Assert.Equal(@"- At 2016-10-25 20:20:29.790000, process ""C:\Windows\system32\cmd.exe""  was executed by WIN-IA9NQ1GN8OI\bit9rad", lines[4]);
        Assert.Equal("- That binary (bf93a2f9901e9b3dfca8a7982f4a9868) was signed by Microsoft Corporation 1552 days before it was executed.", lines[5]);

        // Eighteen processes point at sensor 3, its group and a handful of binaries; each is fetched once.
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/sensor/3"));
        Assert.Equal(1, session.Requests.Entries.Count(e => e.Method == "GET" && e.Path.EndsWith("/group/1", StringComparison.Ordinal)));
        var binaryGets = session.Requests.Entries.Where(e => e.Method == "GET" && e.Path.StartsWith("/api/v1/binary/", StringComparison.Ordinal)).ToList();
        Assert.Equal(binaryGets.Count, binaryGets.Select(e => e.Path).Distinct().Count());
        Assert.Contains(binaryGets, e => e.Path == "/api/v1/binary/79B6D4C5283FC806387C55B8D7C8B762/summary");
    }

    [Fact]
    public async Task SummaryHasParentAndChildrenAndWalkingChildrenReachesTheNetUseProcesses()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var cmd = await cb.GetAsync<Process>(Process.KeyFor("00000003-0000-036c-01d2-2efd3af51186", 0));

        var summary = await cmd.GetSummaryAsync();
        Assert.Same(cmd, summary.Process);
        Assert.Equal(@"C:\Windows\Explorer.EXE", summary.Parent!.Cmdline);
        Assert.Equal(2, summary.Children.Count);
        Assert.All(summary.Children, c => Assert.Equal("net.exe", c.ProcessName));

        var seen = new List<(string?, int)>();
        await cmd.WalkChildrenAsync((child, depth) => seen.Add((child.Cmdline, depth)));
        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.Equal(0, s.Item2));
        Assert.Contains((@"net  use z: \\test\blah", 0), seen);

        // Walking up from the explorer reaches the kernel; walking down from it reaches cmd.exe and the net.exe pair.
        var explorer = await cmd.GetParentAsync();
        var below = new List<(string?, int)>();
        await explorer!.WalkChildrenAsync((child, depth) => below.Add((child.ProcessName, depth)));
        Assert.Contains(("cmd.exe", 0), below);
        Assert.Equal(2, below.Count(b => b == ("net.exe", 1)));
        var limited = new List<int>();
        await explorer.WalkChildrenAsync((_, depth) => limited.Add(depth), maxDepth: 0);
        Assert.Contains(1, limited);
        var parents = await cmd.GetParentsAsync();
        Assert.Equal(7, parents.Count);
        Assert.Equal(0, (await cmd.GetParentsAsync()).Count - parents.Count);
    }

    [Fact]
    public async Task DepthCountsTheAncestorsAndCostsNoRequestAfterAWalk()
    {
        await using var session = await EmulatorSession.StartAsync();
        var proc = await session.Client.Select<Process>().Where(Query).And(Share).FirstAsync();
        var parents = await proc.GetParentsAsync();
        // The log is written when a response completes: count only requests that started after the walk.
        var afterWalk = DateTimeOffset.UtcNow;

        Assert.Equal(parents.Count, await proc.GetDepthAsync());
        Assert.Equal(parents.Count - 1, await parents[0].GetDepthAsync());
        Assert.Equal(0, await parents[^1].GetDepthAsync());
        Assert.DoesNotContain(session.Requests.Entries, e => e.Time - e.Elapsed > afterWalk);
    }

    [Fact]
    public async Task MaxDepthStopsTheParentWalk()
    {
        await using var session = await EmulatorSession.StartAsync();
        var proc = await session.Client.Select<Process>().Where(Query).And(Share).FirstAsync();
        var depths = new List<int>();
        await proc.WalkParentsAsync((_, depth) => depths.Add(depth), maxDepth: 2);
        Assert.Equal([0, 1, 2], depths);
    }

    [Fact]
    public async Task EventsOfTheSegmentComeFromTheVersionsEventApiOnce()
    {
        await using var session = await EmulatorSession.StartAsync();
        var proc = await session.Client.Select<Process>().Where(Query).And(Share).FirstAsync();

        var netconns = await proc.GetNetConnsAsync();
        var all = await proc.GetAllEventsAsync();
        var modloads = await proc.GetModLoadsAsync();

        Assert.Equal("10.0.2.50", Assert.Single(netconns).RemoteIp);
        Assert.Equal(4, modloads.Count);
        Assert.All(modloads, m => Assert.True(m.IsSigned is not null));
        Assert.Equal(6, all.Count);
        Assert.Equal(1, session.Requests.Entries.Count(e => e.Path.StartsWith("/api/v4/process/", StringComparison.Ordinal)));
        Assert.Equal(0, session.Requests.Entries.Count(e => e.Path.Contains("/api/v1/process/", StringComparison.Ordinal) && e.Path.EndsWith("/event", StringComparison.Ordinal)));
        var binary = await modloads[0].GetBinaryAsync();
        Assert.Equal(modloads[0].Md5, binary.Md5);
    }

    [Fact]
    public async Task ChildProcessesJoinRunsASearchForTheChildren()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cmd = await session.Client.GetAsync<Process>(Process.KeyFor("00000003-0000-036c-01d2-2efd3af51186", 0));
        var children = await cmd.ChildProcesses.ToListAsync();
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Equal(cmd.Id, c.ParentId));
    }

    internal static string Details(Process proc, int depth) =>
        $"{new string(' ', depth)}{Time(proc.Start)}: {proc.Username} ran {proc.Cmdline}";

    internal static string Time(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) ?? "";
}
