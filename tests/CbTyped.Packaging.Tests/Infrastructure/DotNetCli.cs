using System.Diagnostics;
using System.Text;

namespace CbTyped.Packaging.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI (pack, build, run) as a child process and captures its output.</summary>
internal static class DotNetCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        public void EnsureSuccess(string what)
        {
            if (ExitCode != 0)
                throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Tail(Output, 6000)}");
        }
    }

    /// <summary>The dotnet host running this test (so the child uses the same SDK), else "dotnet" from PATH.</summary>
    public static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<Result> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout) =>
        RunProcessAsync(Host, workingDirectory, arguments, timeout);

    public static async Task<Result> RunProcessAsync(string fileName, string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        IsolateFromTestHost(start.Environment);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.\n{Tail(output.ToString(), 4000)}");
        }
        lock (output)
            return new Result(process.ExitCode, output.ToString());
    }

    // A child build must not inherit the test host's MSBuild state, and must not leave build servers or reusable
    // nodes holding the test's output pipes open after it exits.
    private static void IsolateFromTestHost(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            environment.Remove(name);
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }

    private static string Tail(string text, int max) => text.Length <= max ? text : "…" + text[^max..];
}
