using System.Text.Json;

namespace CbTyped.PowerShell.Tests;

/// <summary>Live Response cmdlets: a session on sensor 4, files both ways, commands, processes, errors.</summary>
public sealed class LiveResponseTests
{
    // cbapi's waits shortened for tests: 10 ms polls.
    private const string StartFast = """
        $o = [CbTyped.Response.LiveResponseOptions]::new()
        $o.SessionPollInterval = [timespan]::FromMilliseconds(10)
        $o.CommandPollInterval = [timespan]::FromMilliseconds(10)
        $o.KillPollInterval = [timespan]::FromMilliseconds(10)
        $script:lr = Start-CbLiveResponseSession -SensorId 4 -Options $o
        """;

    [Fact]
    public async Task FilesCommandsAndProcessesGoThroughOneSession()
    {
        await using var session = await ModuleSession.StartAsync();
        var folder = Directory.CreateTempSubdirectory("cbtyped-pwsh-lr").FullName;
        var upload = Path.Combine(folder, "payload.txt");
        await File.WriteAllTextAsync(upload, "PAYLOAD");
        session.Run(StartFast);

        var children = session.Objects(@"Get-CbLiveResponseChildItem -Session $lr 'c:\windows\' | ForEach-Object FileName");
        var hosts = (FileInfo)session.Objects(@"Get-CbLiveResponseFile -Session $lr 'c:\windows\system32\drivers\etc\hosts' -Destination $args[0]", folder).Single();
        session.Run(@"Get-Item $args[0] | Send-CbLiveResponseFile -Session $lr -Destination 'c:\users\public\payload.txt' -Confirm:$false", upload);
        var uploaded = session.Objects(@"Get-CbLiveResponseChildItem -Session $lr 'c:\users\public\' | ForEach-Object FileName");
        var ipconfig = (Response.LiveResponseProcessResult)session.Objects("Invoke-CbLiveResponseCommand -Session $lr 'cmd.exe /c ipconfig' -Confirm:$false").Single();
        var processes = session.Objects("$lr | Get-CbLiveResponseProcess").Cast<Response.LiveResponseProcess>().ToList();
        session.Run("$lr | Stop-CbLiveResponseSession");

        Assert.Equal(["system32", "temp"], children.Cast<string>().Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(Path.Combine(folder, "hosts"), hosts.FullName);
        Assert.Equal("127.0.0.1 localhost\r\n", await File.ReadAllTextAsync(hosts.FullName));
        Assert.Contains("payload.txt", uploaded);
        Assert.Equal("emulated output of: cmd.exe /c ipconfig\r\n", ipconfig.Output);
        Assert.Equal(3, processes.Count);
        var close = await session.Emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path.StartsWith("/api/v1/cblr/session/", StringComparison.Ordinal));
        Assert.Equal("close", JsonDocument.Parse(close.Body!).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task WhatIfRunsNothingOnTheEndpoint()
    {
        await using var session = await ModuleSession.StartAsync();
        session.Run(StartFast);
        var before = (await session.SettledRequestsAsync()).Count;

        var result = session.Run(@"
            Invoke-CbLiveResponseCommand -Session $lr 'cmd.exe /c del c:\important' -WhatIf
            Stop-CbLiveResponseProcess -Session $lr -Id 1234 -WhatIf
            Send-CbLiveResponseFile -Session $lr -Path $args[0] -Destination 'c:\x.txt' -WhatIf", typeof(ModuleSession).Assembly.Location);

        Assert.Empty(result.Output);
        Assert.Empty(result.Errors);
        Assert.Equal(before, (await session.SettledRequestsAsync()).Count);
    }

    [Fact]
    public async Task AFailedCommandIsAnErrorRecordAboutItsPath()
    {
        await using var session = await ModuleSession.StartAsync();
        session.Run(StartFast);

        var result = session.Run(@"Get-CbLiveResponseChildItem -Session $lr 'c:\nowhere\'");

        var error = Assert.Single(result.Errors);
        Assert.Equal(@"c:\nowhere\", error.TargetObject);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("ERROR_FILE_NOT_FOUND", error.Exception.Message, StringComparison.Ordinal);
    }
}
