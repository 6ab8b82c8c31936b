using System.Text.Json;

namespace CbTyped.Cli.Output;

/// <summary>
/// A JSON array written element by element as rows arrive: <c>[</c> at once, each element flushed to standard output
/// when written, <c>]</c> at the end. The text is exactly what one indented array would be, so <c>--json</c> stays
/// one JSON document (jq, JSON.parse) while only the element being written is in memory.
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
    }

    /// <summary>Writes one element and sends it on.</summary>
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

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }

    private void Flush()
    {
        _writer.Flush();
        _output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _output.Flush();
        _buffer.SetLength(0);
    }
}
