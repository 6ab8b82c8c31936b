using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>The children limit of a walk (cbapi's <c>max_children</c>) and the flag for lists the server cut.</summary>
public sealed class ProcessChildWalkTests
{
    private const string CmdGuid = "00000003-0000-036c-01d2-2efd3af51186";

    [Fact]
    public async Task AWalkWithTheDefaultLimitSeesEveryChildAndReportsNoCut()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cmd = await session.Client.GetAsync<Process>(Process.KeyFor(CmdGuid, 0));

        var walk = await cmd.WalkChildrenAsync((_, _) => { });

        Assert.Equal(2, walk.Visited);
        Assert.False(walk.ChildrenWereCut);
        Assert.Empty(walk.CutParents);
    }

    [Fact]
    public async Task ALimitBelowTheChildCountIsSentAndTheCutParentIsReported()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cmd = await session.Client.GetAsync<Process>(Process.KeyFor(CmdGuid, 0));
        var names = new List<string?>();

        var walk = await cmd.WalkChildrenAsync((child, _) => names.Add(child.ProcessName), maxChildren: 1);

        Assert.Equal(["net.exe"], names);
        Assert.Equal(1, walk.Visited);
        Assert.True(walk.ChildrenWereCut);
        Assert.Same(cmd, Assert.Single(walk.CutParents));
        await session.WaitForRequestAsync(e => e.Path.StartsWith($"/api/v1/process/{CmdGuid}/", StringComparison.Ordinal) && e.PathAndQuery.EndsWith("?children=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALargerLimitIsSentForEverySummaryOfTheWalk()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cmd = await session.Client.GetAsync<Process>(Process.KeyFor(CmdGuid, 0));

        var walk = await cmd.WalkChildrenAsync((_, _) => { }, maxChildren: 500);

        Assert.Equal(2, walk.Visited);
        Assert.False(walk.ChildrenWereCut);
        // A request is logged when its response completes, which can be just after the client read it: wait up to 5 s.
        int Summaries() => session.Requests.Entries.Count(e => e.Path.StartsWith("/api/v1/process/", StringComparison.Ordinal) && e.PathAndQuery.EndsWith("?children=500", StringComparison.Ordinal));
        for (var waited = 0; Summaries() < 3 && waited < 5000; waited += 10)
            await Task.Delay(10);
        Assert.Equal(3, Summaries()); // cmd and both net.exe
    }
}
