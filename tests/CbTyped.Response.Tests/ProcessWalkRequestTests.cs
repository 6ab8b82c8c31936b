using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// Walks reuse the parent and children blocks each summary carries (cbapi's initial data): counted over HTTP in the
/// emulator's request log, a first walk makes no more requests than cbapi's and a second one none.
/// </summary>
public sealed class ProcessWalkRequestTests
{
    private const string ExplorerGuid = "00000003-0000-0c34-01d2-2ec94f09cae6";

    [Fact]
    public async Task AParentWalkFetchesEveryOtherAncestorAndASecondWalkNothing()
    {
        await using var session = await EmulatorSession.StartAsync();
        var rows = await session.Client.Select<Process>().Where("process_name:net.exe").And(@"cmdline:\\test\blah").ToListAsync();
        Assert.Equal(2, rows.Count);
        await session.Client.GetServerInfoAsync();
        var beforeFirst = await MarkAsync(session);

        var names = new List<string?>();
        await rows[0].WalkParentsAsync((parent, _) => names.Add(parent.ProcessName));
        var first = await RequestsSinceAsync(session, beforeFirst, 5);

        Assert.Equal(["cmd.exe", "explorer.exe", "userinit.exe", "winlogon.exe", "smss.exe", "smss.exe", "ntoskrnl.exe", "ntoskrnl.exe"], names);
        // cbapi: a row is partial, so its parent is fetched (cmd); a fetched summary's parent block is the next
        // ancestor (explorer), whose own parent is fetched again (userinit), and so on up to the placeholder.
        Assert.Equal(5, first.Count);
        Assert.All(first, e => Assert.EndsWith("?children=15", e.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal(5, first.Select(e => e.Path).Distinct().Count());

        var beforeSecond = await MarkAsync(session);
        await rows[0].WalkParentsAsync((_, _) => { });
        await rows[1].WalkParentsAsync((_, _) => { });
        Assert.Equal(8, await rows[1].GetDepthAsync());
        Assert.Empty(await RequestsSinceAsync(session, beforeSecond, 0));
    }

    [Fact]
    public async Task AChildWalkFetchesOneSummaryPerVisitedParentAndASecondWalkNothing()
    {
        await using var session = await EmulatorSession.StartAsync();
        var explorer = await session.Client.GetAsync<Process>(Process.KeyFor(ExplorerGuid, 0));
        var beforeFirst = await MarkAsync(session);

        var seen = new List<(string?, int)>();
        await explorer.WalkChildrenAsync((child, depth) => seen.Add((child.ProcessName, depth)));
        // cbapi: the callback gets each child from its block; going below a child reads that child's summary.
        var first = await RequestsSinceAsync(session, beforeFirst, 3);

        Assert.Equal([("cmd.exe", 0), ("net.exe", 1), ("net.exe", 1)], seen);
        Assert.Equal(3, first.Count);

        var beforeSecond = await MarkAsync(session);
        await explorer.WalkChildrenAsync((_, _) => { });
        Assert.Empty(await RequestsSinceAsync(session, beforeSecond, 0));
    }

    [Fact]
    public async Task AChildWalkWithAnotherLimitAsksOnceForEachSummaryAndReusesThem()
    {
        await using var session = await EmulatorSession.StartAsync();
        var explorer = await session.Client.GetAsync<Process>(Process.KeyFor(ExplorerGuid, 0));
        var beforeFirst = await MarkAsync(session);

        var walk = await explorer.WalkChildrenAsync((_, _) => { }, maxChildren: 500);
        var first = await RequestsSinceAsync(session, beforeFirst, 4);

        Assert.Equal(3, walk.Visited);
        // explorer, cmd and the two net.exe: one summary each, every one with the walk's limit.
        Assert.Equal(4, first.Count);
        Assert.All(first, e => Assert.EndsWith("?children=500", e.PathAndQuery, StringComparison.Ordinal));

        var beforeSecond = await MarkAsync(session);
        await explorer.WalkChildrenAsync((_, _) => { }, maxChildren: 500);
        Assert.Empty(await RequestsSinceAsync(session, beforeSecond, 0));
    }

    [Fact]
    public async Task AParentWalkOverBulkDataNeedsFewerRequestsThanUniqueAncestorsAndNoneTheSecondTime()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 200 });
        var rows = await session.Client.Select<Process>().Take(200).ToListAsync();
        await session.Client.GetServerInfoAsync();
        var unique = new HashSet<string>(StringComparer.Ordinal);
        var beforeFirst = await MarkAsync(session);

        foreach (var row in rows)
            await row.WalkParentsAsync((parent, _) => unique.Add(parent.Id!));
        var first = await RequestsSinceAsync(session, beforeFirst, 1);

        Assert.NotEmpty(first);
        // One request per unique ancestor was the old count; the blocks answer part of them.
        Assert.True(first.Count < unique.Count, $"{first.Count} requests for {unique.Count} unique ancestors");

        var beforeSecond = await MarkAsync(session);
        foreach (var row in rows)
            await row.WalkParentsAsync((_, _) => { });
        Assert.Empty(await RequestsSinceAsync(session, beforeSecond, 0));
    }

    /// <summary>A point in time after every request so far has been logged (the log is written on completion).</summary>
    private static async Task<DateTimeOffset> MarkAsync(EmulatorSession session)
    {
        await Task.Delay(1);
        return DateTimeOffset.UtcNow;
    }

    /// <summary>
    /// The requests that started after <paramref name="marker"/>, waiting up to 5 s for at least
    /// <paramref name="atLeast"/> to be logged (a request is logged when its response has completed).
    /// </summary>
    private static async Task<List<RequestLogEntry>> RequestsSinceAsync(EmulatorSession session, DateTimeOffset marker, int atLeast)
    {
        for (var waited = 0; ; waited += 10)
        {
            var since = session.Requests.Entries.Where(e => e.Time - e.Elapsed > marker).ToList();
            if (since.Count >= atLeast || waited >= 5000)
                return since;
            await Task.Delay(10);
        }
    }
}
