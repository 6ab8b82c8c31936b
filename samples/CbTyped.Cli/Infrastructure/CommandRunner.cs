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

/// <summary>What one command invocation works with.</summary>
internal sealed class CommandContext(ParseResult parse, GlobalOptions globals, OutputContext output, CancellationToken cancellationToken) : IDisposable
{
    private CbResponseClient? _client;

    public ParseResult Parse { get; } = parse;
    public GlobalOptions Globals { get; } = globals;
    public OutputContext Output { get; } = output;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Standard input as text.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Standard input is the console's and a terminal (keys can be read one by one).</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>The client, made on first use (commands like <c>configure</c> never need one).</summary>
    public CbResponseClient Client => _client ??= ClientFactory.Create(Parse, Globals, Output.Error);

    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;
    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public void Dispose() => _client?.Dispose();
}
