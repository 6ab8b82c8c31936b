using CbTyped.Cli;

namespace CbTyped.Cli.Tests;

/// <summary>One in-process run of cbtyped: exit code, standard output and standard error.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error, errorIsTerminal: false);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
