using System.Diagnostics;
using CbTyped.Emulator;

namespace CbTyped.Response.Tests.Scripts;

/// <summary>
/// Runs one of samples/scripts/*.cs the way a user does, <c>dotnet run samples/scripts/NAME.cs -- ARGS</c>, pointed at
/// an emulator with cbapi's common arguments (<c>--cburl</c>, <c>--apitoken</c>).
/// </summary>
internal static class ScriptRunner
{
    private static readonly string Root = FindRoot();

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(CbEmulator emulator, string script, params string[] args) =>
        RunAsync(emulator, new ScriptRun(), script, args);

    /// <summary>Runs the script with <paramref name="run"/>'s stdin and working directory.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(CbEmulator emulator, ScriptRun run, string script, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = run.StandardInput is not null,
            WorkingDirectory = run.WorkingDirectory ?? Root,
        };
        foreach (var arg in (string[])["run", Path.Combine(Root, "samples", "scripts", script + ".cs"), "--", "--cburl", emulator.BaseUrl.ToString(), "--apitoken", emulator.Token, .. args])
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = System.Diagnostics.Process.Start(start)!;
        if (run.StandardInput is { } input)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
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
            throw new Xunit.Sdk.XunitException($"{script}.cs did not finish within 5 minutes.\n{await error}");
        }
        return (process.ExitCode, (await output).Replace("\r\n", "\n", StringComparison.Ordinal), await error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CbTyped.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("CbTyped.sln not found above " + AppContext.BaseDirectory);
    }
}
