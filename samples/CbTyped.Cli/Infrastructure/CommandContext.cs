using System.CommandLine;
using CbTyped.Cli.Output;

namespace CbTyped.Cli.Infrastructure;

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
