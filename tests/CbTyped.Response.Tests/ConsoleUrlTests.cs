using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// Console addresses (cbapi's <c>from_ui</c>) read into the object or search they show and run against the emulator
/// over HTTP; the SDK's own console links read back into the same object or the same search.
/// </summary>
public sealed class ConsoleUrlTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private CbResponseClient Cb => fixture.Client;

    private string Server => Cb.Url.ToString().TrimEnd('/');

    [Fact]
    public async Task AProcessConsoleLinkReadsBackIntoTheSameProcess()
    {
        var process = await Cb.Select<Process>().Where("process_name:net.exe").FirstAsync();

        var url = Cb.ParseConsoleUrl(process.WebUiLink!.ToString());

        Assert.Equal(CbConsoleUrlKind.Process, url.Kind);
        Assert.Equal(Process.KeyFor(process.Id!, process.SegmentId!.Value), url.Key);
        var again = await url.GetProcessAsync(Cb);
        Assert.Equal(process.Id, again.Id);
        Assert.Equal(process.Cmdline, again.Cmdline);
    }

    [Fact]
    public async Task ABinaryConsoleLinkReadsBackIntoTheSameBinary()
    {
        var binary = await Cb.Select<Binary>().FirstAsync();

        var url = Cb.ParseConsoleUrl(binary.WebUiLink!.ToString());

        Assert.Equal(CbConsoleUrlKind.Binary, url.Kind);
        Assert.Equal(binary.Md5, (await url.GetBinaryAsync(Cb)).Md5);
    }

    [Fact]
    public async Task AProcessSearchLinkRunsTheSameSearch()
    {
        var query = Cb.Select<Process>().Where(@"process_name:net.exe").And(@"cmdline:\\test\blah").WithParameter("cb.fq.group", "Default Group");

        var link = query.GetConsoleLink(Cb);
        var url = Cb.ParseConsoleUrl(link.ToString());

        Assert.StartsWith(Server + "/#/search/cb.urlver=1&q=", link.ToString(), StringComparison.Ordinal);
        Assert.Equal(CbConsoleUrlKind.ProcessSearch, url.Kind);
        var read = url.SearchProcesses(Cb);
        Assert.Equal(query.QueryText, read.QueryText);
        Assert.Equal(query.Parameters, read.Parameters);
        Assert.Equal(await query.CountAsync(), await read.CountAsync());
    }

    [Theory]
    [InlineData("/#/binaries/cb.urlver=1&q=company_name%3AMicrosoft", CbConsoleUrlKind.BinarySearch)]
    [InlineData("/#/alerts/cb.urlver=1&q=status%3AUnresolved", CbConsoleUrlKind.AlertSearch)]
    [InlineData("/#/threats/cb.urlver=1&q=feed_id%3A1", CbConsoleUrlKind.ThreatReportSearch)]
    [InlineData("/#/search?cb.urlver=1&q=process_name%3Anet.exe&sort=start+asc", CbConsoleUrlKind.ProcessSearch)]
    public async Task SearchPagesOfEveryKindRunAgainstTheServer(string page, CbConsoleUrlKind kind)
    {
        var url = Cb.ParseConsoleUrl(Server + page);

        Assert.Equal(kind, url.Kind);
        long count = kind switch
        {
            CbConsoleUrlKind.BinarySearch => await url.SearchBinaries(Cb).CountAsync(),
            CbConsoleUrlKind.AlertSearch => await url.SearchAlerts(Cb).CountAsync(),
            CbConsoleUrlKind.ThreatReportSearch => await url.SearchThreatReports(Cb).CountAsync(),
            _ => await url.SearchProcesses(Cb).CountAsync(),
        };
        Assert.True(count > 0, $"{page} matched nothing in the seeded data");
    }

    [Fact]
    public async Task WatchlistInvestigationAndThreatReportPagesReadTheirObjects()
    {
        var watchlist = await Cb.Select<Watchlist>().FirstAsync();

        Assert.Equal(watchlist.Id, (await Cb.ParseConsoleUrl($"{Server}/#/watchlist/{watchlist.Id}").GetWatchlistAsync(Cb)).Id);
        Assert.Equal(1, (await Cb.ParseConsoleUrl($"{Server}/#/investigation/1").GetInvestigationAsync(Cb)).Id);
        var report = await Cb.ParseConsoleUrl($"{Server}/#/threat-details/1/mimikatz-2016-11").GetThreatReportAsync(Cb);
        Assert.Equal("mimikatz-2016-11", report.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/#/login")]
    public void TheConsoleItselfIsReadAsTheConsole(string page)
    {
        var url = Cb.ParseConsoleUrl(Server + page);

        Assert.Equal(CbConsoleUrlKind.Console, url.Kind);
        Assert.Null(url.Key);
    }

    [Fact]
    public void AnotherServersAddressIsRefused()
    {
        var other = new UriBuilder(Cb.Url) { Port = Cb.Url.Port == 1 ? 2 : 1 }.Uri;

        var e = Assert.Throws<CbApiException>(() => Cb.ParseConsoleUrl(other + "#/binary/7FB55F5A62E78AF9B58D08AAEEAEF848"));

        Assert.StartsWith("Invalid URL provided", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/#/dashboard/x", "Unknown URL endpoint: dashboard")]
    [InlineData("/#/binary", "URL endpoint does not include a unique ID")]
    [InlineData("/#/analyze/00000001-0000-0af4-01d1-c0c1bd1ae6c0", "URL endpoint does not include a unique ID")]
    public void PagesThatCannotBeReadSaySo(string page, string message)
    {
        var e = Assert.Throws<CbApiException>(() => Cb.ParseConsoleUrl(Server + page));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskingForSomethingElseThanTheAddressShowsIsAnError()
    {
        var url = Cb.ParseConsoleUrl($"{Server}/#/binary/7FB55F5A62E78AF9B58D08AAEEAEF848");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => url.GetProcessAsync(Cb));

        Assert.Contains("Binary, not Process", e.Message, StringComparison.Ordinal);
    }
}
