using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>
/// Routes the specs declared but nothing used, now operations (Sensor statistics, Feed requirements, ThreatReport
/// stats, Process preview), read through the generated readers from the emulator.
/// </summary>
public sealed class UnusedRouteOperationTests
{
    [Fact]
    public async Task SensorStatisticsCountTheServersSensorsAndReadItsStringNumbers()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sensors = await session.Client.Select<Sensor>().ToListAsync();

        var statistics = await Sensor.GetStatisticsAsync(session.Client);

        Assert.Equal(sensors.Count, statistics.SensorCount);
        Assert.Equal(sensors.Count(s => s.Status == SensorStatus.Online), statistics.ActiveSensorCount);
        Assert.True(statistics.NumEventlogBytes >= 0); // the server sends the byte counts as strings
        Assert.Equal(0, statistics.NumStorefilesBytes);
        Assert.Same(session.Client, statistics.Client);
        Assert.Equal(statistics.SensorCount, Sensor.GetStatistics(session.Client).SensorCount); // the synchronous twin
        Assert.Equal("GET", (await session.WaitForRequestAsync(e => e.Path == "/api/v1/sensor/statistics")).Method);
    }

    [Fact]
    public async Task AFeedsRequirementsAreATypedDocument()
    {
        await using var session = await EmulatorSession.StartAsync();
        var feed = await session.Client.Select<Feed>().Where("name:abusech").SingleAsync();

        var requirements = await feed.GetRequirementsAsync();

        Assert.Equal(feed.Id, requirements.FeedId);
        Assert.Null(requirements.Requires);
        Assert.Same(session.Client, requirements.Client);
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/feed/" + feed.Id + "/requirements"));
    }

    [Fact]
    public async Task AReportsStatsCountItsHitsAndFollowItsIgnoredFlag()
    {
        await using var session = await EmulatorSession.StartAsync();
        var report = await session.Client.GetAsync<ThreatReport>("1/mimikatz-2016-11");

        var before = await report.GetStatsAsync();
        await report.DisableAsync();
        var after = report.GetStats(); // the synchronous twin

        Assert.Equal("mimikatz-2016-11", before.ReportId);
        Assert.True(before.Hits >= 1);
        Assert.False(before.IsIgnored);
        Assert.True(after.IsIgnored);
        Assert.Equal(2, session.Requests.CountOf("GET", "/api/v1/feed/1/report/mimikatz-2016-11/stats"));
    }

    [Fact]
    public async Task AProcessPreviewMarksWhatTheQueryMatched()
    {
        await using var session = await EmulatorSession.StartAsync();
        var process = await session.Client.Select<Process>().Where("process_name:net.exe").FirstAsync();

        var preview = await process.GetPreviewAsync("cmdline:share");

        Assert.Equal(process.Id, preview.Id);
        Assert.NotSame(process, preview);
        var request = Assert.Single(session.Requests.Entries, e => e.Path.EndsWith("/preview", StringComparison.Ordinal));
        Assert.EndsWith("/preview?q=cmdline%3Ashare", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(preview.GetUnknownFields(), f => f.Key == "filemod_complete");
    }
}
