using System.Management.Automation;
using System.Text.Json;

namespace CbTyped.PowerShell.Tests;

/// <summary>
/// The built-in module's cmdlets the generator emits from the built-in specs (CbTypedCmdletsOnly: the models compile
/// in CbTyped.Response, the cmdlets here), with the shape the spec's <c>powershell:</c> hints give them.
/// </summary>
public sealed class GeneratedBuiltInCmdletTests
{
    private const string Md5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";

    [Fact]
    public void TheBannedHashCmdletsAreGeneratedAndTheHandWrittenOnesAreGone()
    {
        var cmdlets = typeof(CbConnection).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Length == 1)
            .ToDictionary(t => ((CmdletAttribute)t.GetCustomAttributes(typeof(CmdletAttribute), false)[0]).VerbName + "-"
                + ((CmdletAttribute)t.GetCustomAttributes(typeof(CmdletAttribute), false)[0]).NounName);

        string[] generated = ["Get-CbBannedHash", "New-CbBannedHash", "Set-CbBannedHash", "Remove-CbBannedHash", "Enable-CbBannedHash", "Disable-CbBannedHash"];
        foreach (var name in generated)
            Assert.Equal("CbTyped.Response.PowerShell", cmdlets[name].Namespace);
        // Behaviour stays hand-written, in the module's own namespace.
        Assert.Equal("CbTyped.PowerShell", cmdlets["Invoke-CbSensorIsolation"].Namespace);
        Assert.Equal("CbTyped.PowerShell", cmdlets["Save-CbBinaryFile"].Namespace);
    }

    [Fact]
    public async Task TheHintsGiveTheShapeUsersHad()
    {
        await using var session = await ModuleSession.StartAsync(connect: false);

        foreach (var cmdlet in new[] { "Get-CbBannedHash", "New-CbBannedHash", "Remove-CbBannedHash" })
        {
            var md5 = (ParameterMetadata)session.Objects("(Get-Command $args[0]).Parameters['Md5']", cmdlet).Single();
            Assert.Contains("ProcessMd5", md5.Aliases);
            Assert.Contains("Md5hash", md5.Aliases);
            Assert.Contains(md5.Attributes, a => a is ValidatePatternAttribute);
            Assert.Contains(md5.ParameterSets.Values, p => p.Position == 0 && p.ValueFromPipelineByPropertyName);
        }
        var text = (ParameterMetadata)session.Objects("(Get-Command New-CbBannedHash).Parameters['Text']").Single();
        Assert.Equal(1, text.ParameterSets.Values.Single().Position);

        var bad = session.Run("Get-CbBannedHash not-an-md5");
        Assert.StartsWith("ParameterArgumentValidationError", Assert.Single(bad.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReadsByKeyAllAndAPipedProcessMd5()
    {
        await using var session = await ModuleSession.StartAsync();
        session.Run("New-CbBannedHash $args[0] 'Banned from API' -Confirm:$false", Md5);

        var byKey = (Response.BannedHash)session.Objects("Get-CbBannedHash $args[0]", Md5.ToLowerInvariant()).Single();
        var all = session.Objects("Get-CbBannedHash").Cast<Response.BannedHash>().ToList();
        var piped = session.Objects("[pscustomobject]@{ ProcessMd5 = $args[0] }, [pscustomobject]@{ ProcessMd5 = $args[0] } | Get-CbBannedHash", Md5);

        Assert.Equal(Md5, byKey.Md5hash);
        Assert.Equal("Banned from API", byKey.Text);
        Assert.Contains(all, b => b.Md5hash == Md5);
        // Two processes of one binary: its ban is written once.
        Assert.Equal(Md5, ((Response.BannedHash)Assert.Single(piped)).Md5hash);
        await session.Emulator.WaitForRequestAsync(e => e.Method == "GET" && e.Path == "/api/v1/banning/blacklist/" + Md5);
    }

    [Fact]
    public async Task SetDisableAndRemoveSendTheirRequestsAndWhatIfSendsNothing()
    {
        await using var session = await ModuleSession.StartAsync();
        session.Run("New-CbBannedHash $args[0] -Text first; $global:ban = Get-CbBannedHash $args[0]", Md5);
        var before = (await session.SettledRequestsAsync()).Count;

        var whatIf = session.Run("""
            Set-CbBannedHash -Md5 $args[0] -Text changed -WhatIf
            $global:ban | Disable-CbBannedHash -WhatIf
            Remove-CbBannedHash $args[0] -WhatIf
            """, Md5);
        Assert.Empty(whatIf.Errors);
        Assert.Equal(before, (await session.SettledRequestsAsync()).Count);

        var changed = (Response.BannedHash)session.Objects("Set-CbBannedHash -Md5 $args[0] -Text changed -Confirm:$false", Md5).Single();
        Assert.Equal("changed", changed.Text);
        var put = await session.Emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == "/api/v1/banning/blacklist/" + Md5);
        Assert.Equal("changed", JsonDocument.Parse(put.Body!).RootElement.GetProperty("text").GetString());

        var disabled = (Response.BannedHash)session.Objects("Get-CbBannedHash $args[0] | Disable-CbBannedHash -Confirm:$false", Md5).Single();
        Assert.False(disabled.Enabled);

        Assert.Empty(session.Run("Remove-CbBannedHash $args[0] -Confirm:$false", Md5).Errors);
        var deletes = (await session.SettledRequestsAsync()).Count(e => e.Method == "DELETE" && e.Path == "/api/v1/banning/blacklist/" + Md5);
        Assert.Equal(2, deletes);
    }

    [Fact]
    public async Task GetSelectsByNameWithWildcardsOrExactlyAndGroupsByAPipedSensor()
    {
        await using var session = await ModuleSession.StartAsync();

        var users = session.Objects("Get-CbUser").Cast<Response.User>().ToList();
        var first = users[0].Username!;
        var exact = session.Objects("Get-CbUser $args[0]", first).Cast<Response.User>().ToList();
        var wildcard = session.Objects("Get-CbUser ($args[0].Substring(0, 1) + '*')", first).Cast<Response.User>().ToList();
        var groups = session.Objects("Get-CbSensorGroup").Cast<Response.SensorGroup>().ToList();
        var named = session.Objects("Get-CbSensorGroup ($args[0] + '*')", groups[0].Name!.Substring(0, 3)).Cast<Response.SensorGroup>().ToList();
        // Two sensors of one group: the group is written once, and a sensor's own Id is not taken for the group's.
        var piped = session.Objects("Get-CbSensor -SensorId 3, 3 | Get-CbSensorGroup").Cast<Response.SensorGroup>().ToList();
        var sensor = (Response.Sensor)session.Objects("Get-CbSensor -SensorId 3").Single();

        Assert.Equal(first, Assert.Single(exact).Username);
        Assert.Contains(wildcard, u => u.Username == first);
        Assert.All(wildcard, u => Assert.StartsWith(first.Substring(0, 1), u.Username!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(named, g => g.Id == groups[0].Id);
        Assert.All(named, g => Assert.StartsWith(groups[0].Name!.Substring(0, 3), g.Name!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(sensor.GroupId, Assert.Single(piped).Id);
        Assert.Empty(session.Objects("Get-CbUser 'no-such-user*'"));
    }

    [Fact]
    public async Task RemoveWatchlistTakesAPipedWatchlistOrAnIdAndWhatIfSendsNothing()
    {
        await using var session = await ModuleSession.StartAsync();
        var created = (Response.Watchlist)session.Objects("New-CbWatchlist -Name 'to remove' -Query 'process_name:net.exe'").Single();
        var before = (await session.SettledRequestsAsync()).Count;

        var whatIf = session.Run("Remove-CbWatchlist -Id $args[0] -WhatIf; Remove-CbWatchlist -Watchlist $args[1] -WhatIf", created.Id, created);
        Assert.Empty(whatIf.Errors);
        Assert.Equal(before, (await session.SettledRequestsAsync()).Count);

        Assert.Empty(session.Run("Get-CbWatchlist -Name 'to remove' | Remove-CbWatchlist -Confirm:$false").Errors);
        await session.Emulator.WaitForRequestAsync(e => e.Method == "DELETE" && e.Path == "/api/v1/watchlist/" + created.Id);
        Assert.Empty(session.Objects("Get-CbWatchlist -Name 'to remove*'"));
    }
}
