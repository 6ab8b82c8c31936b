using System.CommandLine;
using CbTyped.Cli.Commands;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli;

/// <summary>Builds the command tree, parses, runs, and maps every failure to one line and an exit code.</summary>
internal static class CliApplication
{
    // terminalWidth: standard output's terminal width, null when it is redirected (tests give --width instead).
    // standardOutput: where file contents written to standard output go (-o -); the process's standard output when
    // null. Tests pass a buffer. cancellationToken: a Ctrl+C of the caller's own (tests interrupt a download with it).
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool errorIsTerminal, Stream? standardOutput = null,
        int? terminalWidth = null, TextReader? input = null, CancellationToken cancellationToken = default)
    {
        var runner = new CommandRunner(output, error, errorIsTerminal, standardOutput is null ? Console.OpenStandardOutput : () => standardOutput, terminalWidth, input);
        var root = BuildRoot(runner);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One clear line for the first problem, and where to look; not the whole help text.
            var first = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            error.WriteLine("cbtyped: " + ParseErrorText.ForUsers(first.Message) + " (see 'cbtyped --help')");
            return ExitCodes.Usage;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested; // a second Ctrl+C ends the process at once
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var configuration = new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
                Output = output,
                Error = error,
            };
            return await parse.InvokeAsync(configuration, cancel.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // What was written before the failure comes first, also when standard output is buffered (Program.cs).
            output.Flush();
            return ErrorReporter.Report(e, error);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static RootCommand BuildRoot(CommandRunner runner)
    {
        var root = new RootCommand("cbtyped: search processes and binaries, manage sensors, bans, watchlists, users and groups, and run Live Response on endpoints, on a Carbon Black Cb Response server.");
        runner.Globals.AddTo(root);
        CommandExamples.EnableIn(root);
        root.Subcommands.Add(ConfigureCommand.Create(runner));
        root.Subcommands.Add(ServerCommands.Create(runner));
        root.Subcommands.Add(EventsCommands.Create(runner));
        root.Subcommands.Add(CompletionCommand.Create(runner));
        foreach (var command in ModelCommands.Create(runner))
            root.Subcommands.Add(command);
        CommandExampleCatalog.AddTo(root);
        return root;
    }
}
