using System.Text.Json;

namespace CbTyped.PowerShell.Tests;

/// <summary>
/// Cmdlets the generator emitted from a consumer's own specs (tests/CbTyped.PowerShell.Tests.Consumer, built with
/// <c>CbTypedEmitCmdlets</c>): imported as a module beside CbTyped.PowerShell, run against the emulator.
/// </summary>
public sealed class GeneratedCmdletTests
{
    private const string Md5 = "0123456789ABCDEF0123456789ABCDEF";

    private static async Task<ModuleSession> StartAsync()
    {
        var session = await ModuleSession.StartAsync();
        var imported = session.Run("Import-Module $args[0] -PassThru", Path.Combine(AppContext.BaseDirectory, "Contoso.Responders.dll"));
        Assert.Empty(imported.Errors);
        return session;
    }

    [Fact]
    public async Task TheConsumersSpecsBecomeCmdletsWithHelpExamples()
    {
        await using var session = await StartAsync();

        var names = session.Objects("(Get-Command -Module Contoso.Responders).Name | Sort-Object").Cast<string>().ToList();

        Assert.Equal(
            ["Disable-CbHashBan", "Get-CbHashBan", "Get-CbProcessHit", "Get-CbSensorCheckin", "Get-CbSensorCheckinTotals", "New-CbHashBan", "Remove-CbHashBan", "Set-CbHashBan"],
            names);
        var remove = (System.Management.Automation.CmdletInfo)session.Objects("Get-Command Remove-CbHashBan").Single();
        Assert.Equal(System.Management.Automation.ConfirmImpact.High, remove.ImplementingType.GetCustomAttributes(typeof(System.Management.Automation.CmdletAttribute), false)
            .Cast<System.Management.Automation.CmdletAttribute>().Single().ConfirmImpact);
        Assert.Contains(remove.Parameters.Keys, k => k == "WhatIf");
    }

    [Fact]
    public async Task EveryGeneratedCmdletHasHelpWithTheSpecsDocAndAnExample()
    {
        await using var session = await StartAsync();
        var names = session.Objects("(Get-Command -Module Contoso.Responders).Name").Cast<string>().ToList();

        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var synopsis = (string)session.Objects("(Get-Help $args[0]).Synopsis", name).Single();
            Assert.False(string.IsNullOrWhiteSpace(synopsis) || synopsis.StartsWith(name, StringComparison.Ordinal), name + " has no synopsis");
            var examples = session.Objects("@((Get-Help $args[0] -Examples).examples.example).Count", name).Single();
            Assert.True((int)examples >= 1, name + " has no example");
        }
        // The description carries the spec's doc: text.
        var description = string.Join("\n", session.Objects("(Get-Help Get-CbHashBan).description.Text").Cast<string>());
        Assert.Contains("A banned MD5, as the responders' runbooks name it.", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReadsByKeyByPropertyNameFromThePipelineAndAsAList()
    {
        await using var session = await StartAsync();

        var all = session.Objects("Get-CbSensorCheckin").Cast<Contoso.Responders.SensorCheckin>().ToList();
        var byKey = (Contoso.Responders.SensorCheckin)session.Objects("Get-CbSensorCheckin 3").Single();
        var byProperty = (Contoso.Responders.SensorCheckin)session.Objects("[pscustomobject]@{ SensorCheckinId = 4 } | Get-CbSensorCheckin").Single();
        var totals = session.Objects("Get-CbSensorCheckinTotals").Single();

        Assert.True(all.Count >= 2);
        Assert.Equal(3, byKey.Id);
        Assert.Equal(all.Single(s => s.Id == 3).ComputerName, byKey.ComputerName);
        Assert.Equal(4, byProperty.Id);
        Assert.IsType<Response.SensorStatistics>(totals);
        await session.Emulator.WaitForRequestAsync(e => e.Method == "GET" && e.Path == "/api/v1/sensor/statistics");
    }

    [Fact]
    public async Task GetWithAQueryStreamsTheSearchRows()
    {
        await using var session = await StartAsync();

        var hits = session.Objects("Get-CbProcessHit -Query 'process_name:net.exe'").Cast<Contoso.Responders.ProcessHit>().ToList();
        var piped = session.Objects("'process_name:net.exe' | Get-CbProcessHit").Count;

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal("net.exe", h.ProcessName));
        Assert.Equal(2, piped);
        var search = await session.Emulator.WaitForRequestAsync(e => e.Method == "GET" && e.Path == "/api/v1/process");
        Assert.Contains("q=process_name", search.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewSetOperationAndRemoveSendTheirRequests()
    {
        await using var session = await StartAsync();

        var created = (Contoso.Responders.HashBan)session.Objects("New-CbHashBan -Md5hash $args[0] -Text 'from a runbook'", Md5).Single();
        // The client keeps one instance per key: read what each step wrote before the next one changes it.
        var changedText = ((Contoso.Responders.HashBan)session.Objects("Get-CbHashBan $args[0] | Set-CbHashBan -Text 'reviewed'", Md5).Single()).Text;
        var disabled = (Contoso.Responders.HashBan)session.Objects("Get-CbHashBan $args[0] | Disable-CbHashBan -Confirm:$false", Md5).Single();
        var removed = session.Run("Remove-CbHashBan -Md5hash $args[0] -Confirm:$false", Md5);

        Assert.Equal(Md5, created.Md5hash);
        var post = await session.Emulator.WaitForRequestAsync(e => e.Method == "POST" && e.Path == "/api/v1/banning/blacklist");
        Assert.Equal("from a runbook", JsonDocument.Parse(post.Body!).RootElement.GetProperty("text").GetString());
        var put = await session.Emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == "/api/v1/banning/blacklist/" + Md5);
        Assert.Equal("reviewed", JsonDocument.Parse(put.Body!).RootElement.GetProperty("text").GetString());
        Assert.Equal("reviewed", changedText);
        Assert.False(disabled.Enabled);
        Assert.Empty(removed.Errors);
        var deletes = (await session.SettledRequestsAsync()).Count(e => e.Method == "DELETE" && e.Path == "/api/v1/banning/blacklist/" + Md5);
        Assert.Equal(2, deletes);
    }

    [Fact]
    public async Task WhatIfSendsNoRequestAtAll()
    {
        await using var session = await StartAsync();
        var before = (await session.SettledRequestsAsync()).Count;

        var result = session.Run("""
            New-CbHashBan -Md5hash $args[0] -Text x -WhatIf
            Set-CbHashBan -Md5hash $args[0] -Text y -WhatIf
            Remove-CbHashBan -Md5hash $args[0] -WhatIf
            """, Md5);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
        Assert.Equal(before, (await session.SettledRequestsAsync()).Count);
    }
}
