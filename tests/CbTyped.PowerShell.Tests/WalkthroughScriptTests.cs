using CbTyped.Response.Tests.Infrastructure;
using CbTyped.Response.Tests.Walkthrough;

namespace CbTyped.PowerShell.Tests;

/// <summary>
/// samples/powershell/Walkthrough.ps1, run by the pwsh local tool against the emulator, prints exactly what the cbapi
/// guide prints (the same expected text as the C# walkthrough's tests), and -WhatIf changes nothing.
/// </summary>
public sealed class WalkthroughScriptTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunWalkthroughAsync(EmulatorSession emulator, string arguments)
    {
        var download = Directory.CreateTempSubdirectory("cbtyped-pwsh-walk").FullName;
        var script = $"Import-Module '{PwshTool.ModuleManifest}'; & ./samples/powershell/Walkthrough.ps1 -DownloadDirectory '{download}' {arguments}";
        return await PwshTool.RunAsync(script, new Dictionary<string, string>
        {
            ["CBAPI_URL"] = emulator.Emulator.BaseUrl.ToString(),
            ["CBAPI_TOKEN"] = emulator.Emulator.Token,
        });
    }

    [Fact]
    public async Task TheScriptPrintsWhatTheCbapiGuidePrints()
    {
        await using var emulator = await EmulatorSession.StartAsync();

        var (exitCode, output, error) = await RunWalkthroughAsync(emulator, string.Empty);

        Assert.True(exitCode == 0, output + error);
        Assert.Equal(string.Empty, error);
        Assert.Equal(SeedOutput.All, output.ReplaceLineEndings("\n"));
        // It really changed the server: the ban, the disabled watchlist, the new group with sensor 3 in it.
        await emulator.WaitForRequestAsync(e => e.Method == "POST" && e.Path == "/api/v1/banning/blacklist");
        await emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == "/api/v1/sensor/3");
        var sensor = await emulator.Client.GetAsync<Response.Sensor>("3");
        Assert.Equal(2, sensor.GroupId);
    }

    [Fact]
    public async Task WithWhatIfItReadsButChangesNothing()
    {
        await using var emulator = await EmulatorSession.StartAsync();

        var (exitCode, output, error) = await RunWalkthroughAsync(emulator, "-WhatIf");

        Assert.True(exitCode == 0, output + error);
        // New-CbBannedHash is generated: its target is the model and the required field's value.
        Assert.Contains("What if: Performing the operation \"Create\" on target \"BannedHash 7FB55F5A62E78AF9B58D08AAEEAEF848\"", output, StringComparison.Ordinal);
        Assert.Contains(SeedOutput.Section(SeedOutput.Query).TrimStart('\n'), output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var marker = "/api/info?marker=whatif";
        using (await emulator.Client.SendAsync(HttpMethod.Get, marker)) { }
        await emulator.WaitForRequestAsync(e => e.PathAndQuery == marker);
        Assert.DoesNotContain(emulator.Requests.Entries, e => e.Method is "POST" or "PUT" or "DELETE");
    }
}
