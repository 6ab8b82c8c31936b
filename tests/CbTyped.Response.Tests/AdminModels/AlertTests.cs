using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Alerts: server-side search, reload by unique_id, resolve, assign, ignore, bulk changes, joins.</summary>
public sealed class AlertTests
{
    private const string MimikatzAlert = "a743ee18-ce1d-4fb3-adc5-f05a77c8996c";

    [Fact]
    public async Task UnresolvedAlertsAreSearchedServerSide()
    {
        await using var session = await EmulatorSession.StartAsync();
        var open = await session.Client.Select<Alert>().Where("-status:Resolved").ToListAsync();
        Assert.Equal(2, open.Count);
        Assert.All(open, a => Assert.Equal(AlertStatus.Unresolved, a.Status));
        Assert.Contains(session.Requests.Entries, e => e.Path == "/api/v2/alert" && e.PathAndQuery.Contains("rows=500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolvingSendsOnlyTheStatusAndReloadsTheAlert()
    {
        var log = new LogCapture();
        await using var session = await EmulatorSession.StartAsync(configureClient: o => o.LoggerFactory = log);
        var alert = await session.Client.Select<Alert>().Where("unique_id:" + MimikatzAlert).SingleAsync();

        await alert.ResolveAsync();

        using var body = JsonDocument.Parse(log.LastBody("POST", "/api/v1/alert/" + MimikatzAlert));
        Assert.Equal(["status", "unique_id"], body.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.NotNull(alert.ResolvedTime);
        Assert.Contains(session.Requests.Entries, e => e.PathAndQuery.Contains("cb.fq.unique_id=" + MimikatzAlert, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssignAndIgnoreGoThroughTheBulkEndpoint()
    {
        await using var session = await EmulatorSession.StartAsync();
        var alert = await session.Client.Select<Alert>().Where("unique_id:" + MimikatzAlert).SingleAsync();

        await alert.AssignAsync("irteam");
        Assert.Equal("irteam", alert.AssignedTo);
        Assert.Equal(AlertStatus.InProgress, alert.Status);

        await alert.SetIgnoredAsync();
        Assert.Equal(AlertStatus.FalsePositive, alert.Status);
        Assert.Equal(2, session.Requests.CountOf("POST", "/api/v1/alerts"));
    }

    [Fact]
    public async Task BulkResolveChangesEveryMatchingAlertInOneRequest()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sent = await session.Client.Select<Alert>().Where("-status:Resolved").ResolveAllAsync();

        Assert.Equal(2, sent);
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/v1/alerts"));
        Assert.Equal(0, await session.Client.Select<Alert>().Where("-status:Resolved").CountAsync());
    }

    [Fact]
    public async Task AProcessAlertJoinsItsProcessSensorAndFeed()
    {
        await using var session = await EmulatorSession.StartAsync();
        var alert = await session.Client.Select<Alert>().Where("unique_id:" + MimikatzAlert).SingleAsync();

        var process = await alert.GetProcessAsync();
        Assert.Equal("mimikatz.exe", process!.ProcessName);
        Assert.Equal(alert.SensorId, (await alert.GetSensorAsync())!.Id);

        var binaryAlert = await session.Client.Select<Alert>().Where("alert_type:watchlist.hit.ingress.binary").SingleAsync();
        Assert.Null(await binaryAlert.GetProcessAsync());
        Assert.Equal("abusech", (await binaryAlert.GetFeedAsync())!.Name);
    }

    [Fact]
    public async Task ReloadingAnUnknownAlertIsNotFound()
    {
        await using var session = await EmulatorSession.StartAsync();
        var alert = await session.Client.Select<Alert>().Where("unique_id:" + MimikatzAlert).SingleAsync();
        alert.LoadJson("""{"unique_id":"00000000-0000-0000-0000-000000000000"}"""u8.ToArray());
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => alert.ReloadAsync());
    }
}
