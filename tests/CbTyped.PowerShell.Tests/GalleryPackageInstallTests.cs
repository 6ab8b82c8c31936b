using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.PowerShell.Tests;

/// <summary>
/// The gallery-shaped package, installed the way a user installs from a gallery: PSResourceGet (it ships with
/// PowerShell 7.4 and later, so it works offline) registers a folder holding the .nupkg as a repository and
/// <c>Install-PSResource</c> installs from it into the user's module folder; then a fresh <c>pwsh</c> imports the
/// module by name and runs a cmdlet against the emulator. The user's home is a temporary folder, so nothing outside
/// the test's folder is changed: PSResourceGet installs into HOME/.local/share/powershell/Modules whatever
/// XDG_DATA_HOME says, and a module left in the real home would make the next run's install a no-op warning. dotnet
/// keeps its own home and NuGet cache (DOTNET_CLI_HOME, NUGET_PACKAGES), so the restored pwsh tool is still found.
/// </summary>
public sealed class GalleryPackageInstallTests
{
    [Fact]
    public async Task ThePackageInstallsWithInstallPSResourceAndImportsByName()
    {
        var root = Directory.CreateTempSubdirectory("cbtyped-gallery").FullName;
        var feed = Path.Combine(root, "feed") + Path.DirectorySeparatorChar;
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        try
        {
            var (packExit, packOutput, packError) = await PwshTool.RunDotnetAsync(
                ["build", "powershell/CbTyped.PowerShell/CbTyped.PowerShell.csproj", "-c", PwshTool.Configuration, "-t:PackPowerShellModule", "-nologo", "-v", "q",
                 "-p:PowerShellModuleFolder=" + Path.Combine(root, "module", "CbTyped.PowerShell") + Path.DirectorySeparatorChar,
                 "-p:PowerShellPackageFolder=" + feed],
                new Dictionary<string, string>());
            Assert.True(packExit == 0, packOutput + packError);
            var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
            Assert.Equal("CbTyped.PowerShell.0.1.0.nupkg", Path.GetFileName(package));

            var realHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var user = new Dictionary<string, string>
            {
                ["HOME"] = home,
                ["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") ?? realHome,
                ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(realHome, ".nuget", "packages"),
            };
            var (installExit, installOutput, installError) = await PwshTool.RunAsync(
                $"$ErrorActionPreference = 'Stop'; Register-PSResourceRepository -Name cbtyped-test -Uri '{feed}' -Trusted; " +
                "Install-PSResource CbTyped.PowerShell -Repository cbtyped-test -Scope CurrentUser -Quiet; " +
                "(Get-InstalledPSResource CbTyped.PowerShell).Version.ToString()", user);
            Assert.True(installExit == 0, installOutput + installError);
            Assert.Equal("0.1.0", installOutput.Trim());

            await using var emulator = await EmulatorSession.StartAsync();
            var (runExit, runOutput, runError) = await PwshTool.RunAsync(
                "$ErrorActionPreference = 'Stop'; Import-Module CbTyped.PowerShell; (Get-Module CbTyped.PowerShell).ModuleBase; " +
                "Connect-CbResponse -Url $env:CBAPI_URL -Token (ConvertTo-SecureString $env:CBAPI_TOKEN -AsPlainText -Force) | Out-Null; " +
                "(Get-CbSensor -SensorId 3).ComputerName",
                new Dictionary<string, string>(user)
                {
                    ["CBAPI_URL"] = emulator.Emulator.BaseUrl.ToString(),
                    ["CBAPI_TOKEN"] = emulator.Emulator.Token,
                });
            Assert.True(runExit == 0, runOutput + runError);
            var lines = runOutput.ReplaceLineEndings("\n").Trim().Split('\n');
            Assert.StartsWith(Path.Combine(home, ".local", "share", "powershell", "Modules", "CbTyped.PowerShell"), lines[0], StringComparison.Ordinal);
            var expected = (await emulator.Client.GetAsync<Response.Sensor>("3")).ComputerName;
            Assert.Equal(expected, lines[1]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
