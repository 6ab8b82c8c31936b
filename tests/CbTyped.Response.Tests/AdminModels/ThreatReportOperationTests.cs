using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>ThreatReport's ignore operations: body templates declared in ThreatReport.model.yaml, sent to the emulator.</summary>
public sealed class ThreatReportOperationTests
{
    [Fact]
    public async Task IgnoringOneReportSendsItsFeedAndIdAsTheBulkBodyThenReloads()
    {
        await using var session = await EmulatorSession.StartAsync();
        var report = await session.Client.GetAsync<ThreatReport>("1/mimikatz-2016-11");

        await report.SetIgnoredAsync(true);

        var post = Assert.Single(session.Requests.Entries, e => e.Method == "POST");
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal(["mimikatz-2016-11"], body.RootElement.GetProperty("ids").GetProperty("1").EnumerateArray().Select(e => e.GetString()));
        Assert.True(body.RootElement.GetProperty("updates").GetProperty("is_ignored").GetBoolean());
        Assert.True(report.IsIgnored); // reloaded through the get route
        Assert.Equal(2, session.Requests.CountOf("GET", "/api/v1/feed/1/report/mimikatz-2016-11"));
    }

    [Fact]
    public async Task IgnoringByQuerySendsTheQueryTextEscapedOnceAndChangesEveryMatch()
    {
        await using var session = await EmulatorSession.StartAsync();

        await ThreatReportBulk.SetIgnoredAsync(session.Client, "feed_id:1");

        var post = Assert.Single(session.Requests.Entries, e => e.Method == "POST");
        using (var body = JsonDocument.Parse(post.Body!))
            Assert.Equal("cb.urlver=1&q=feed_id%3A1", body.RootElement.GetProperty("query").GetString());
        var reports = await session.Client.Select<ThreatReport>().Where("feed_id:1").ToListAsync();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.True(r.IsIgnored));

        await ThreatReportBulk.SetIgnoredAsync(session.Client, "feed_id:1", ignored: false);
        Assert.All(await session.Client.Select<ThreatReport>().Where("feed_id:1").ToListAsync(), r => Assert.False(r.IsIgnored));
    }

    [Fact]
    public async Task AReportWithoutItsFeedCannotBeIgnoredAndNothingIsSent()
    {
        await using var session = await EmulatorSession.StartAsync();
        var report = ThreatReport.ModelInfo.CreateNew(); // reports cannot be created through the API
        report.Client = session.Client;
        report.Id = "orphan";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => report.SetIgnoredAsync(true));

        Assert.Contains("feed_id", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Requests.Entries, e => e.Method == "POST");
    }

    [Fact]
    public async Task BeforeFiveOneTheBulkIgnoreIsRefusedBeforeAnyRequest()
    {
        // cbapi has ThreatReportQuery (the bulk update, the only way to ignore a report) from 5.1.0 on.
        await using var session = await EmulatorSession.StartAsync(new CbTyped.Emulator.CbEmulatorOptions { ServerVersion = "5.0.0.150130.1500" });
        var report = await session.Client.GetAsync<ThreatReport>("1/mimikatz-2016-11");

        var e = await Assert.ThrowsAsync<CbUnsupportedServerException>(() => report.SetIgnoredAsync(true));
        await Assert.ThrowsAsync<CbUnsupportedServerException>(() => ThreatReportBulk.SetIgnoredAsync(session.Client, "feed_id:1"));

        Assert.Contains("5.0.0", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Requests.Entries, r => r.Method == "POST");
    }
}
