using CbTyped.Cli;

namespace CbTyped.Cli.Tests;

/// <summary>One in-process run of cbtyped: exit code, standard output and standard error, and the bytes a command
/// wrote to standard output as a stream (file contents, <c>-o -</c>).</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, byte[] RawOutput)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>A run that <paramref name="cancellationToken"/> interrupts as Ctrl+C would.</summary>
    public static async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var raw = new MemoryStream();
        var code = await CliApplication.RunAsync(args, output, error, errorIsTerminal: false, standardOutput: raw, cancellationToken: cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString(), raw.ToArray());
    }
}
