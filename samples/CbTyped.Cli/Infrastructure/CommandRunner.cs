using System.CommandLine;
using CbTyped.Cli.Output;

namespace CbTyped.Cli.Infrastructure;

/// <summary>Attaches actions to commands: each gets a <see cref="CommandContext"/> with output, cancellation and a client.</summary>
/// <remarks><paramref name="input"/>: standard input as text (<c>lr shell</c>'s commands); the console's when null. Tests give a reader.</remarks>
internal sealed class CommandRunner(TextWriter output, TextWriter error, bool errorIsTerminal, Func<Stream> openStandardOutput, int? terminalWidth = null,
    TextReader? input = null)
{
    public GlobalOptions Globals { get; } = new();

    public void SetAction(Command command, Func<CommandContext, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var context = new CommandContext(parse, Globals, OutputContext.From(parse, Globals, output, error, errorIsTerminal, openStandardOutput, terminalWidth), cancellationToken)
            {
                Input = input ?? Console.In,
                InputIsTerminal = input is null && !Console.IsInputRedirected,
            };
            return await action(context).ConfigureAwait(false);
        });
}
