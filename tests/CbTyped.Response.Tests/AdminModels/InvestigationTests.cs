using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Investigations (no GET by id) and their tagged events.</summary>
public sealed class InvestigationTests
{
    [Fact]
    public async Task AnInvestigationIsFoundByIdInTheList()
    {
        await using var session = await EmulatorSession.StartAsync();
        var investigation = await Investigation.GetByIdAsync(session.Client, 1);
        Assert.Equal("Default Investigation", investigation.Name);
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/investigations"));
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => Investigation.GetByIdAsync(session.Client, 999));
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

        var investigation = await Investigation.GetByIdAsync(cb, 1);
        var events = await investigation.Events.ToListAsync();
        var listed = Assert.Single(events);
        // cbapi's TaggedEvent.investigation called a method that does not exist.
        Assert.Equal("Default Investigation", (await listed.GetInvestigationAsync()).Name);
        Assert.Equal(netY.Id, (await listed.GetProcessAsync()).Id);
    }
}
