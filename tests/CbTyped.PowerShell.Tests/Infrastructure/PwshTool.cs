using System.Diagnostics;

namespace CbTyped.PowerShell.Tests.Infrastructure;

/// <summary>
/// The <c>pwsh</c> local tool of the repository (.config/dotnet-tools.json): restored with <c>dotnet tool restore</c>
/// the first time, so a fresh clone needs nothing installed by hand.
/// </summary>
internal static class PwshTool
{
    private static readonly SemaphoreSlim Restore = new(1, 1);
    private static bool _restored;

    /// <summary>The repository root (the folder of CbTyped.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CbTyped.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("CbTyped.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// The module folder as the module project builds it (powershell/CbTyped.PowerShell/bin/CONFIGURATION/net10.0/):
    /// what a user imports, with every dependency beside the module. (This test's own folder is not one: the
    /// emulator's framework supplies some of those dependencies here.)
    /// </summary>
    public static string ModuleManifest
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(RepositoryRoot, "powershell", "CbTyped.PowerShell", "bin", configuration, "net10.0", "CbTyped.PowerShell.psd1");
        }
    }

    /// <summary>Runs <c>dotnet pwsh -NoProfile -NonInteractive -Command script</c> in the repository root.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        await EnsureRestoredAsync();
        return await DotnetAsync(["pwsh", "-NoProfile", "-NonInteractive", "-Command", script], environment);
    }

    /// <summary>Runs <c>dotnet arguments</c> in the repository root (a build, a pack).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunDotnetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        DotnetAsync(arguments, environment);

    /// <summary>The build configuration these tests were built in (Debug, Release).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static async Task EnsureRestoredAsync()
    {
        await Restore.WaitAsync();
        try
        {
            if (_restored)
                return;
            var (exitCode, output, error) = await DotnetAsync(["tool", "restore"], new Dictionary<string, string>());
            Assert.True(exitCode == 0, "dotnet tool restore failed:\n" + output + error);
            _restored = true;
        }
        finally
        {
            Restore.Release();
        }
    }

    private static async Task<(int, string, string)> DotnetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The test host's own variables must not steer the child (a test runner's DOTNET_ settings, a PSModulePath).
        start.Environment.Remove("PSModulePath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
