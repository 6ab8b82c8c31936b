using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.ProcessDepth;

/// <summary>cbapi's <c>Process.threat_intel_hits</c>: the feed reports that matched a process, and the typed error without sharing.</summary>
public sealed class ThreatIntelHitTests
{
    [Fact]
    public async Task TheMimikatzRunHitsTheReportsOfTheEnabledFeedsThatListItsMd5()
    {
        await using var session = await EmulatorSession.StartAsync();
        var mimikatz = await session.Client.Select<Process>().Where("process_name:mimikatz.exe").FirstAsync();

        var hits = await mimikatz.GetThreatIntelHitsAsync();

        Assert.Equal([("abusech", "mimikatz-2016-11", 90), ("cbbanning", "ban-7FB55F5A", 50)],
            hits.Select(h => (h.FeedName, h.ReportId, h.ReportScore ?? 0)).ToArray());
        Assert.All(hits, h => Assert.Equal(("md5", mimikatz.ProcessMd5, mimikatz.Id), (h.IocType, h.IocValue, h.ProcessId)));
        Assert.Equal("Mimikatz credential theft tool", hits[0].ReportTitle);
        await session.WaitForRequestAsync(e => e.PathAndQuery == $"/api/v1/process/{mimikatz.Id}/{mimikatz.SegmentId}/threat_intel_hits");
    }

    [Fact]
    public async Task AProcessNoReportMatchesHasNoHits()
    {
        await using var session = await EmulatorSession.StartAsync();
        var net = await session.Client.Select<Process>().Where("process_name:net.exe").FirstAsync();

        Assert.Empty(await net.GetThreatIntelHitsAsync());
    }

    [Fact]
    public async Task WithoutSharingTheServerErrorIsCbapisMessageAsATypedError()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ThreatIntelSharing = false });
        var net = await session.Client.Select<Process>().Where("process_name:net.exe").FirstAsync();

        var error = await Assert.ThrowsAsync<ThreatIntelSharingNotSetUpException>(() => net.GetThreatIntelHitsAsync());

        var server = session.Emulator.BaseUrl.ToString().TrimEnd('/');
        Assert.Equal($"Sharing IOCs not set up in Cb server. See {server}/#/share for more information.", error.Message);
        Assert.Equal(new Uri(server + "/#/share"), error.SharingSettingsUrl);
        Assert.Equal(500, error.StatusCode);
        Assert.IsType<CbServerException>(error.InnerException);
    }
}
