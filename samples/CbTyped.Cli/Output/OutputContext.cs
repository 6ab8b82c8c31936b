using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Output;

/// <summary>Where a command writes: tables or JSON on standard output, messages and progress on standard error.</summary>
internal sealed class OutputContext(TextWriter output, TextWriter error, bool json, bool showProgress, Func<Stream> openStandardOutput)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>--json: machine-readable output for scripts.</summary>
    public bool Json { get; } = json;

    /// <summary>A progress bar may be drawn: stderr is a terminal and neither --json nor --no-progress was given.</summary>
    public bool ShowProgress { get; } = showProgress;

    public static OutputContext From(ParseResult parse, GlobalOptions globals, TextWriter output, TextWriter error, bool errorIsTerminal, Func<Stream> openStandardOutput) =>
        new(output, error, parse.GetValue(globals.Json),
            errorIsTerminal && !parse.GetValue(globals.Json) && !parse.GetValue(globals.NoProgress), openStandardOutput);

    /// <summary>
    /// Standard output as bytes, for file contents (<c>-o -</c>): whatever was written as text is flushed first. A
    /// function rather than <see cref="Console.OpenStandardOutput()"/> so tests can capture the bytes.
    /// </summary>
    public Stream OpenStandardOutput()
    {
        Output.Flush();
        return openStandardOutput();
    }

    /// <summary>Writes one JSON value through a reflection-free <see cref="Utf8JsonWriter"/> to standard output.</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>A message for people, on standard error, so --json output stays clean.</summary>
    public void Note(string message) => Error.WriteLine(message);
}
