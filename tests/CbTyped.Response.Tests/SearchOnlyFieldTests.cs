using CbTyped.Modeling;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// The search-only fields of models/specs (<c>searchFields:</c>: query-language fields no document carries) build
/// queries the server answers: run against the emulator's seed data over HTTP.
/// </summary>
public sealed class SearchOnlyFieldTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private async Task<List<string?>> CmdlinesAsync(CbQueryTerm term) =>
        [.. (await fixture.Client.Select<Process>().Where(term).ToListAsync()).Select(p => p.Cmdline).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task NetworkFieldsFindTheNetExeProcessesThatMountedTheShare()
    {
        string[] both = [@"net  use y: \\test\blah", @"net  use z: \\test\blah"];

        Assert.Equal(both, await CmdlinesAsync(Process.Fields.Ipaddr.InRange("10.0.2.0/24") & Process.Fields.Ipport.Is(445)));
        Assert.Equal(both, await CmdlinesAsync(Process.Fields.Ipaddr.Is(System.Net.IPAddress.Parse("10.0.2.50"))));
        Assert.Empty(await CmdlinesAsync(Process.Fields.Ipaddr.InRange("10.0.3.0/24")));
        Assert.Equal([both[0]], await CmdlinesAsync(Process.Fields.Regmod.Like(@"network\y\*")));
    }

    [Fact]
    public async Task EventAndChildFieldsFindWhatTheDocumentsDoNotCarry()
    {
        Assert.Equal([@"mimikatz.exe  privilege::debug sekurlsa::logonpasswords"], await CmdlinesAsync(Process.Fields.Filemod.Is(@"temp\lsass.dmp")));
        Assert.Equal(["\"C:\\Windows\\system32\\cmd.exe\" "], await CmdlinesAsync(Process.Fields.ChildprocName.Is("net.exe")));
        // md5 matches the process's own MD5 as well as its children's: net.exe itself and the cmd.exe that started it.
        Assert.Equal(["\"C:\\Windows\\system32\\cmd.exe\" ", @"net  use y: \\test\blah", @"net  use z: \\test\blah"],
            await CmdlinesAsync(Process.Fields.Md5.Is("79B6D4C5283FC806387C55B8D7C8B762") & Process.Fields.Username.Is(@"WIN-IA9NQ1GN8OI\bit9rad")));
    }

    [Fact]
    public async Task BinaryFieldsApplyToTheProcesssBinary()
    {
        var query = Process.Fields.DigsigPublisher.Is("Microsoft Corporation") & Process.Fields.ProcessName.Is("net.exe");
        Assert.Equal(2, await fixture.Client.Select<Process>().Where(query).CountAsync());
        Assert.Equal(0, await fixture.Client.Select<Process>().Where(Process.Fields.DigsigResult.Is("Unsigned") & Process.Fields.ProcessName.Is("net.exe")).CountAsync());
    }

    [Fact]
    public async Task BinaryAndThreatReportSearchOnlyFields()
    {
        Assert.True(await fixture.Client.Select<Binary>().Where(Binary.Fields.Hostname.Is("WIN-IA9NQ1GN8OI")).CountAsync() > 0);
        var report = await fixture.Client.Select<ThreatReport>().Where(ThreatReport.Fields.Ipaddr.InRange("185.22.67.0/24")).SingleAsync();
        Assert.Equal("c2-domains-2016-11", report.Id);
        var byDomain = await fixture.Client.Select<ThreatReport>().Where(ThreatReport.Fields.Domain.Is("login.evilcorp.ru")).SingleAsync();
        Assert.Equal("c2-domains-2016-11", byDomain.Id);
    }
}
