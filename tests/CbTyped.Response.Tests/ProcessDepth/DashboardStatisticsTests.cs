using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.ProcessDepth;

/// <summary>cbapi's <c>dashboard_statistics()</c> as the spec'd singleton model, over HTTP against the emulator.</summary>
public sealed class DashboardStatisticsTests
{
    [Fact]
    public async Task TheCountsAgreeWithWhatTheOtherRoutesList()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;

        var statistics = await cb.Select<DashboardStatistics>().SingleAsync();

        Assert.Equal((int)await cb.Select<Sensor>().CountAsync(), statistics.SensorCount);
        Assert.Equal(await cb.Select<Process>().CountAsync(), statistics.ProcessCount);
        Assert.Equal(await cb.Select<Binary>().CountAsync(), statistics.BinaryCount);
        Assert.Equal(await cb.Select<Alert>().CountAsync(), statistics.AlertCount);
        Assert.Equal(await cb.Select<Alert>().Where("status:Unresolved").CountAsync(), statistics.UnresolvedAlertCount);
        Assert.Equal((await cb.Select<Feed>().ToListAsync()).Count(f => f.Enabled == true), statistics.EnabledFeedCount);
        Assert.Contains(session.Requests.Entries, e => e.PathAndQuery == "/api/v1/dashboard/statistics");
    }

    [Fact]
    public async Task ResolvingAnAlertChangesTheNextAnswer()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var before = await cb.Select<DashboardStatistics>().SingleAsync();
        var alert = await cb.Select<Alert>().Where("status:Unresolved").FirstAsync();

        await alert.ResolveAsync();
        var after = await EmulatorSession.CreateClient(session.Emulator).Select<DashboardStatistics>().SingleAsync();

        Assert.Equal(before.UnresolvedAlertCount - 1, after.UnresolvedAlertCount);
        Assert.Equal(before.AlertCount, after.AlertCount);
    }
}
