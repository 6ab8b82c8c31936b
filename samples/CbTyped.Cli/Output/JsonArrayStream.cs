using System.Text;
using System.Text.Json;

namespace CbTyped.Cli.Output;

/// <summary>
/// A JSON array written element by element as rows arrive: <c>[</c> at once, each element handed on when written,
/// <c>]</c> at the end. The text is exactly what one indented array would be, so <c>--json</c> stays one JSON document
/// (jq, JSON.parse) while only the elements not yet handed on are in memory. Output is sent on by
/// <see cref="FlushOutput"/> (when the next row has to be waited for), when 64 KiB are pending, and at the end, not
/// after every element: one write per element cost more CPU than reading the rows.
/// </summary>
/// <remarks>
/// When the output writer is a UTF-8 <see cref="StreamWriter"/> (cbtyped's redirected standard output), the JSON
/// writer writes its UTF-8 bytes to the writer's stream itself, the writer's own buffer flushed first: decoding each
/// element to a string and encoding it again was a tenth of the CPU of a <c>--json</c> export. Any other writer (a
/// terminal's, a test's) gets the same text through <see cref="TextWriter.Write(string)"/>.
/// </remarks>
internal sealed class JsonArrayStream : IDisposable
{
    private const int FlushThreshold = 1 << 16;

    private readonly TextWriter _output;
    private readonly MemoryStream? _buffer;
    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    public JsonArrayStream(TextWriter output)
    {
        _output = output;
        if (output is StreamWriter { Encoding: UTF8Encoding } streamWriter && streamWriter.Encoding.Preamble.IsEmpty)
        {
            streamWriter.Flush();
            _writer = new Utf8JsonWriter(streamWriter.BaseStream, OutputContext.JsonOptions);
        }
        else
        {
            _buffer = new MemoryStream();
            _writer = new Utf8JsonWriter(_buffer, OutputContext.JsonOptions);
        }

        _writer.WriteStartArray();
        FlushOutput();
    }

    /// <summary>Writes one element; it is handed on once enough is pending.</summary>
    public void Add(Action<Utf8JsonWriter> writeElement)
    {
        writeElement(_writer);
        if (_buffer is not null)
            HandOn();
        else if (_writer.BytesPending >= FlushThreshold)
            _writer.Flush();
    }

    /// <summary>Closes the array.</summary>
    public void Complete()
    {
        if (_completed)
            return;
        _completed = true;
        _writer.WriteEndArray();
        HandOn();
        _output.WriteLine();
        _output.Flush();
    }

    /// <summary>Sends what is pending on (to a pipe's reader, say).</summary>
    public void FlushOutput()
    {
        HandOn();
        _output.Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer?.Dispose();
    }

    /// <summary>Moves what the JSON writer holds to the output: its stream, or the text writer.</summary>
    private void HandOn()
    {
        _writer.Flush();
        if (_buffer is null)
            return;
        _output.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
