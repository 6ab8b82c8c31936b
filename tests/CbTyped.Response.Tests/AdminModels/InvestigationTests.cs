using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Investigations (no GET by id) and their tagged events.</summary>
public sealed class InvestigationTests
{
    [Fact]
    public async Task AGetByKeyFiltersTheListBecauseThereIsNoGetById()
    {
        await using var session = await EmulatorSession.StartAsync();
        var investigation = await session.Client.GetAsync<Investigation>(1);
        Assert.Equal("Default Investigation", investigation.Name);
        Assert.True(investigation.IsFull);
        Assert.Same(investigation, await session.Client.GetAsync<Investigation>("1")); // the identity cache, no second request
        await session.WaitForRequestAsync(e => e.Method == "GET" && e.Path == "/api/investigations");
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/investigations"));
        Assert.DoesNotContain(session.Requests.Entries, e => e.Path.StartsWith("/api/investigations/", StringComparison.Ordinal));

        var missing = await Assert.ThrowsAsync<CbObjectNotFoundException>(() => session.Client.GetAsync<Investigation>(999));
        Assert.Equal("Investigation 999 was not found.", missing.Message);
    }

    [Fact]
    public async Task ARefreshAlsoFiltersTheList()
    {
        await using var session = await EmulatorSession.StartAsync();
        var investigation = session.Client.Select<Investigation>(1);
        Assert.False(investigation.IsFull);
        await session.Client.RefreshAsync(investigation);
        Assert.Equal("Default Investigation", investigation.Name);
    }

    [Fact]
    public async Task ATaggedEventKnowsItsInvestigationAndProcess()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var netY = await cb.Select<Process>().Where("process_name:net.exe").And(@"cmdline:y\:").FirstAsync();
        var tagged = cb.Create<TaggedEvent>();
        tagged.InvestigationId = 1;
        tagged.UniqueId = netY.Id;
        tagged.SegmentId = netY.SegmentId;
        tagged.EventType = "procstart";
        tagged.Notes = "mounted the share";
        await cb.SaveAsync(tagged);

        var investigation = await cb.GetAsync<Investigation>(1);
        var events = await investigation.Events.ToListAsync();
        var listed = Assert.Single(events);
        // cbapi's TaggedEvent.investigation called a method that does not exist.
        Assert.Equal("Default Investigation", (await listed.GetInvestigationAsync()).Name);
        Assert.Equal(netY.Id, (await listed.GetProcessAsync()).Id);
    }
}
