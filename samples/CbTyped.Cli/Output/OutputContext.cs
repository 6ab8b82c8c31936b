using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Output;

/// <summary>Where a command writes: tables or JSON on standard output, messages and progress on standard error.</summary>
internal sealed class OutputContext(TextWriter output, TextWriter error, bool json, bool showProgress, Func<Stream> openStandardOutput,
    int? width = null, bool wide = false)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>--json: machine-readable output for scripts.</summary>
    public bool Json { get; } = json;

    /// <summary>A progress bar may be drawn: stderr is a terminal and neither --json nor --no-progress was given.</summary>
    public bool ShowProgress { get; } = showProgress;

    /// <summary>
    /// The columns tables must fit in: the hidden <c>--width</c>, else <c>COLUMNS</c>, else the terminal's width when
    /// standard output is one; null when it is redirected (plain lines, no fitting). Also the progress bar's width.
    /// </summary>
    public int? Width { get; } = width;

    /// <summary>--wide: every cell whole, whatever the width.</summary>
    public bool Wide { get; } = wide;

    public static OutputContext From(ParseResult parse, GlobalOptions globals, TextWriter output, TextWriter error, bool errorIsTerminal, Func<Stream> openStandardOutput,
        int? terminalWidth = null)
    {
        var json = parse.GetValue(globals.Json);
        var width = parse.GetValue(globals.Width) ?? ColumnsVariable() ?? terminalWidth;
        if (width is <= 0)
            throw new CliUsageException("--width must be a positive number of columns.");
        return new(output, error, json, errorIsTerminal && !json && !parse.GetValue(globals.NoProgress), openStandardOutput, width, parse.GetValue(globals.Wide));
    }

    // COLUMNS, as shells export it (and as `COLUMNS=120 cbtyped … | less` sets it for a pipe).
    private static int? ColumnsVariable() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? columns
            : null;

    /// <summary>
    /// Standard output as bytes, for file contents (<c>-o -</c>): whatever was written as text is flushed first. A
    /// function rather than <see cref="Console.OpenStandardOutput()"/> so tests can capture the bytes.
    /// </summary>
    public Stream OpenStandardOutput()
    {
        Output.Flush();
        return openStandardOutput();
    }

    /// <summary>The writer options every JSON output uses: indented, non-ASCII text as is.</summary>
    public static JsonWriterOptions JsonOptions => new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one JSON value through a reflection-free <see cref="Utf8JsonWriter"/> to standard output.</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
            write(writer);
        Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>A message for people, on standard error, so --json output stays clean.</summary>
    public void Note(string message) => Error.WriteLine(message);
}
