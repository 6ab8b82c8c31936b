using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Feeds and threat reports: listing, reports, hits, synchronize, actions, ignoring reports.</summary>
public sealed class FeedTests
{
    [Fact]
    public async Task FeedsAreListedAndSelectedByName()
    {
        await using var session = await EmulatorSession.StartAsync();
        var feed = await session.Client.Select<Feed>().Where("name:CBBANNING").SingleAsync();
        Assert.Equal(2, feed.Id);
        Assert.Equal("Carbon Black Banning Events", feed.DisplayName);
        Assert.Equal(3, (await session.Client.Select<Feed>().ToListAsync()).Count);
    }

    [Fact]
    public async Task AFeedsReportsAreAServerSideSearchKeyedByFeedAndId()
    {
        await using var session = await EmulatorSession.StartAsync();
        var feed = await session.Client.Select<Feed>().Where("name:abusech").SingleAsync();

        var reports = await feed.Reports.ToListAsync();

        Assert.Equal(["c2-domains-2016-11", "mimikatz-2016-11"], reports.Select(r => r.Id!).Order());
        Assert.All(reports, r => Assert.Equal(1, r.FeedId));
        Assert.Equal("1/mimikatz-2016-11", reports.Single(r => r.Id == "mimikatz-2016-11").GetKeyString());
        var byKey = await EmulatorSession.CreateClient(session.Emulator).GetAsync<ThreatReport>("1/mimikatz-2016-11");
        Assert.Equal("Mimikatz credential theft tool", byKey.Title);
    }

    [Fact]
    public async Task IgnoringAReportUsesTheBulkEndpointAndReadsBack()
    {
        await using var session = await EmulatorSession.StartAsync();
        var report = await session.Client.GetAsync<ThreatReport>("1/mimikatz-2016-11");

        await report.DisableAsync();

        Assert.True(report.IsIgnored);
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/v1/threat_report"));
        await report.EnableAsync();
        Assert.False(report.IsIgnored);
    }

    [Fact]
    public async Task SynchronizingADisabledFeedSaysSoInsteadOfAGenericClientError()
    {
        await using var session = await EmulatorSession.StartAsync();
        var disabled = await session.Client.Select<Feed>().Where("name:localintel").SingleAsync();

        var error = await Assert.ThrowsAsync<CbInvalidObjectException>(() => disabled.SynchronizeAsync());
        Assert.Equal("Cannot synchronize feed 3: feed is disabled", error.Message);

        var enabled = await session.Client.Select<Feed>().Where("name:abusech").SingleAsync();
        await enabled.SynchronizeAsync();
    }

    [Fact]
    public async Task ADisabledFeedHasNoHitsAndAnEnabledOneSearchesByAllianceScore()
    {
        await using var session = await EmulatorSession.StartAsync();
        var disabled = await session.Client.Select<Feed>().Where("name:localintel").SingleAsync();
        Assert.Null(disabled.SearchProcesses());

        var abusech = await session.Client.Select<Feed>().Where("name:abusech").SingleAsync();
        var hits = await abusech.SearchBinaries(10)!.CountAsync();
        Assert.True(hits >= 0);
        Assert.Contains(session.Requests.Entries, e => e.Path == "/api/v1/binary"
            && e.PathAndQuery.Contains("q=alliance_score_abusech%3A%5B10+TO+%2A%5D", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FeedActionsAreCreatedUnderTheFeed()
    {
        await using var session = await EmulatorSession.StartAsync();
        var feed = await session.Client.Select<Feed>().Where("name:abusech").SingleAsync();

        var action = feed.CreateAction(ActionType.Syslog);
        await session.Client.SaveAsync(action);

        var only = Assert.Single(await feed.Actions.ToListAsync());
        Assert.Equal((ActionType.Syslog, 1), (only.Type, only.GroupId ?? 0));
        Assert.True(only.WatchlistId is null or -1);   // the server keeps -1 or null for feed actions
    }
}
