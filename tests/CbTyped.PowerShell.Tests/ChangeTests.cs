using System.Text.Json;

namespace CbTyped.PowerShell.Tests;

/// <summary>Cmdlets that change the server: what they send, -WhatIf sending nothing, errors with categories.</summary>
public sealed class ChangeTests
{
    private static bool IsWrite(Emulator.RequestLogEntry e) => e.Method is "POST" or "PUT" or "DELETE";

    [Fact]
    public async Task WhatIfSendsNoRequestAtAll()
    {
        await using var session = await ModuleSession.StartAsync();
        var before = (await session.SettledRequestsAsync()).Count;

        var result = session.Run("""
            New-CbBannedHash -Md5 7FB55F5A62E78AF9B58D08AAEEAEF848 -Text x -WhatIf
            Remove-CbBannedHash -Md5 7FB55F5A62E78AF9B58D08AAEEAEF848 -WhatIf
            Invoke-CbSensorIsolation -SensorId 4 -WhatIf
            Undo-CbSensorIsolation -SensorId 4 -WhatIf
            Restart-CbSensor -SensorId 4 -WhatIf
            Set-CbSensor -SensorId 3 -GroupId 1 -WhatIf
            New-CbWatchlist -Name w -Query 'process_name:net.exe' -WhatIf
            Set-CbWatchlist -Id 1 -Enabled $false -WhatIf
            Remove-CbWatchlist -Id 1 -WhatIf
            Set-CbAlert -Id x -Status Resolved -WhatIf
            New-CbUser -Username u -Password (ConvertTo-SecureString p -AsPlainText -Force) -FirstName f -LastName l -Email e -WhatIf
            New-CbSensorGroup -Name g -WhatIf
            """);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
        Assert.Equal(before, (await session.SettledRequestsAsync()).Count);
    }

    [Fact]
    public async Task BanningAHashAndBanningItAgainIsAResourceExistsError()
    {
        await using var session = await ModuleSession.StartAsync();

        var ban = (Response.BannedHash)session.Objects("Get-CbBinary 7FB55F5A62E78AF9B58D08AAEEAEF848 | New-CbBannedHash -Text 'Banned from API'").Single();
        Assert.Equal("7FB55F5A62E78AF9B58D08AAEEAEF848", ban.Md5hash);
        var post = await session.Emulator.WaitForRequestAsync(e => e.Method == "POST" && e.Path == "/api/v1/banning/blacklist");
        Assert.Equal("Banned from API", JsonDocument.Parse(post.Body!).RootElement.GetProperty("text").GetString());

        var again = session.Run("New-CbBannedHash 7FB55F5A62E78AF9B58D08AAEEAEF848 -Text twice");
        var error = Assert.Single(again.Errors);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("already exists", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("7FB55F5A62E78AF9B58D08AAEEAEF848", error.TargetObject);
        Assert.Contains("POST /api/v1/banning/blacklist", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);

        session.Run("Get-CbBannedHash 7FB55F5A62E78AF9B58D08AAEEAEF848 | Remove-CbBannedHash -Confirm:$false");
        await session.Emulator.WaitForRequestAsync(e => e.Method == "DELETE" && e.Path == "/api/v1/banning/blacklist/7FB55F5A62E78AF9B58D08AAEEAEF848");
    }

    [Fact]
    public async Task IsolationPutsTheFlagWaitsForTheSensorAndReportsProgress()
    {
        await using var session = await ModuleSession.StartAsync();

        var result = session.Run("Get-CbSensor -SensorId 4 | Invoke-CbSensorIsolation -Confirm:$false -PollInterval 00:00:00.3");

        var isolation = (CbIsolationResult)Assert.Single(result.Output).BaseObject;
        Assert.Equal(new CbIsolationResult(4, "HOSTNAME", Isolated: true, Confirmed: true), isolation);
        Assert.Contains(result.Progress, p => p.Activity == "Isolating sensor" && p.RecordType == ProgressRecordType.Completed);
        var put = await session.Emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == "/api/v1/sensor/4");
        Assert.True(JsonDocument.Parse(put.Body!).RootElement.GetProperty("network_isolation_enabled").GetBoolean());
        Assert.Equal(true, session.Objects("(Get-CbSensor -SensorId 4).NetworkIsolationEnabled").Single());
    }

    [Fact]
    public async Task WatchlistsAreCreatedFoundByTheirExactNameCountedAndDisabled()
    {
        await using var session = await ModuleSession.StartAsync();
        const string name = "[WARN] Attempts to mount internal share";

        var created = (Response.Watchlist)session.Objects(@"New-CbWatchlist -Name $args[0] -Query 'process_name:net.exe cmdline:\\test\blah'", name).Single();
        var found = session.Objects("Get-CbWatchlist -Name $args[0]", name).Cast<Response.Watchlist>().ToList();
        var count = session.Objects("Get-CbWatchlist -Name $args[0] | Get-CbProcess -Count", name).Single();
        session.Run("Get-CbWatchlist -Name $args[0] | Set-CbWatchlist -Enabled $false", name);

        Assert.Equal(created.Id, Assert.Single(found).Id);
        Assert.Equal(@"process_name:net.exe cmdline:\\test\blah", found[0].Query);
        Assert.Equal(2L, count);
        var put = await session.Emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == "/api/v1/watchlist/" + created.Id);
        Assert.False(JsonDocument.Parse(put.Body!).RootElement.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task AdministrationCreatesAUserAGroupAndMovesASensor()
    {
        await using var session = await ModuleSession.StartAsync();

        var user = (Response.User)session.Objects("New-CbUser jgarman -Password (ConvertTo-SecureString cbisawesome -AsPlainText -Force) -FirstName Jason -LastName Garman -Email jgarman@carbonblack.com").Single();
        var group = (Response.SensorGroup)session.Objects("New-CbSensorGroup 'Critical Endpoints'").Single();
        var moved = (Response.Sensor)session.Objects("Get-CbSensor -Hostname WIN-IA9NQ1GN8OI | Set-CbSensor -GroupId $args[0] -PassThru", group.Id).Single();

        Assert.Equal("jgarman", user.Username);
        Assert.Equal("jgarman", ((Response.User)session.Objects("Get-CbUser jgarman").Single()).Username);
        var userPost = await session.Emulator.WaitForRequestAsync(e => e.Method == "POST" && e.Path == "/api/user");
        Assert.Equal("cbisawesome", JsonDocument.Parse(userPost.Body!).RootElement.GetProperty("password").GetString());
        Assert.Equal("Critical Endpoints", group.Name);
        Assert.Equal(group.Id, moved.GroupId);
        Assert.Equal(["Critical Endpoints"], session.Objects("Get-CbSensor -SensorId 3 | Get-CbSensorGroup | ForEach-Object Name"));
    }

    [Fact]
    public async Task SensorsPipeByValueAndByPropertyName()
    {
        await using var session = await ModuleSession.StartAsync();

        // A process's SensorId binds -SensorId (not its own Id); each sensor is written once.
        var sensors = session.Objects("Get-CbProcess -Query 'process_name:net.exe' | Get-CbSensor").Cast<Response.Sensor>().ToList();

        Assert.Equal(3, Assert.Single(sensors).Id);
        Assert.Empty(session.Run("Get-CbSensor -SensorId 3 | Restart-CbSensor -Confirm:$false").Errors);
        await session.Emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == "/api/v1/sensor/3" && e.Body!.Contains("\"restart_queued\":true", StringComparison.Ordinal));
    }
}
