using System.Text.Json;

namespace CbTyped.Cli.Output;

/// <summary>
/// A JSON array written element by element as rows arrive: <c>[</c> at once, each element handed to the output
/// writer when written, <c>]</c> at the end. The text is exactly what one indented array would be, so <c>--json</c>
/// stays one JSON document (jq, JSON.parse) while only the element being written is in memory. The writer is flushed
/// by <see cref="FlushOutput"/> (when the next row has to be waited for) and at the end, not after every element: one
/// write per element cost more CPU than reading the rows.
/// </summary>
internal sealed class JsonArrayStream : IDisposable
{
    private readonly TextWriter _output;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    public JsonArrayStream(TextWriter output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(_buffer, OutputContext.JsonOptions);
        _writer.WriteStartArray();
        Flush();
        _output.Flush();
    }

    /// <summary>Writes one element to the output writer.</summary>
    public void Add(Action<Utf8JsonWriter> writeElement)
    {
        writeElement(_writer);
        Flush();
    }

    /// <summary>Closes the array.</summary>
    public void Complete()
    {
        if (_completed)
            return;
        _completed = true;
        _writer.WriteEndArray();
        Flush();
        _output.WriteLine();
        _output.Flush();
    }

    /// <summary>Sends what the output writer holds on (to a pipe's reader, say).</summary>
    public void FlushOutput() => _output.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }

    private void Flush()
    {
        _writer.Flush();
        _output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
