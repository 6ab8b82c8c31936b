using System.Diagnostics;
using System.Globalization;
using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>
/// `dotnet tool install` of both tools from the local feed into a tool path: cbtyped-emulator serves, and the installed
/// cbtyped talks to it.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class DotNetToolTests(PackedPackage package) : IDisposable
{
    private const string Token = "tool-test-token";
    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-tools-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_installed_cbtyped_reports_its_version_and_reads_the_installed_emulator()
    {
        await PackedEmulatorAndTools.EnsureAsync(package.Version);
        var config = NuGetConfigFile.Write(_dir);
        var toolPath = Path.Combine(_dir, "tools");
        foreach (var id in new[] { "CbTyped.Cli", "CbTyped.Emulator.Tool" })
        {
            var install = await DotNetCli.RunAsync(_dir,
                ["tool", "install", id, "--version", package.Version, "--tool-path", toolPath, "--configfile", config], TimeSpan.FromMinutes(5));
            install.EnsureSuccess("dotnet tool install " + id);
        }

        var cbtyped = Path.Combine(toolPath, "cbtyped");
        var version = await RunToolAsync(cbtyped, "--version");
        Assert.True(version.ExitCode == 0, version.Output);
        Assert.StartsWith(package.Version, version.Output.Trim(), StringComparison.Ordinal);

        using var emulator = StartTool(Path.Combine(toolPath, "cbtyped-emulator"), "--port", "0", "--token", Token, "--quiet");
        try
        {
            var first = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Matches(@"^Listening on http://127\.0\.0\.1:\d+$", first);
            var url = first!["Listening on ".Length..];

            var info = await RunToolAsync(cbtyped, "server", "info", "--url", url, "--token", Token);
            Assert.True(info.ExitCode == 0, info.Output);
            Assert.Matches(@"(?m)^Version +6\.2\.0\.171114\.1158", info.Output);
            var refused = await RunToolAsync(cbtyped, "server", "info", "--url", url, "--token", "wrong-token");
            Assert.Equal(4, refused.ExitCode);

            // Ctrl-C's signal: the server stops by itself, exit code 0.
            using (var kill = Process.Start("kill", ["-INT", emulator.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            // Generous: on a loaded 2-core machine the host's shutdown (and the runtime's exit) has taken over 30 s.
            await emulator.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, emulator.ExitCode);
        }
        finally
        {
            if (!emulator.HasExited)
                emulator.Kill();
        }
    }

    // The tool shims are apphosts: they find the runtime through DOTNET_ROOT, set to the SDK running this test.
    private static Task<DotNetCli.Result> RunToolAsync(string tool, params string[] arguments) =>
        WithDotNetRoot(() => DotNetCli.RunProcessAsync(tool, Path.GetTempPath(), arguments, TimeSpan.FromMinutes(2)));

    private static Process StartTool(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (DotNetRoot() is { } root)
            start.Environment["DOTNET_ROOT"] = root;
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { }; // drained so the server never blocks on a full pipe
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<DotNetCli.Result> WithDotNetRoot(Func<Task<DotNetCli.Result>> run)
    {
        if (DotNetRoot() is { } root && Environment.GetEnvironmentVariable("DOTNET_ROOT") is null)
            Environment.SetEnvironmentVariable("DOTNET_ROOT", root);
        return await run();
    }

    private static string? DotNetRoot() =>
        Path.IsPathRooted(DotNetCli.Host) ? Path.GetDirectoryName(DotNetCli.Host) : null;
}
