using System.Text.Json;

namespace CbTyped.Cli.Output;

/// <summary>
/// Where every list command writes its rows as they arrive: with <c>--json</c> one JSON array streamed element by
/// element (<see cref="JsonArrayStream"/>), else a table (<see cref="StreamingTable{T}"/>). Memory stays at one page
/// of rows whatever their number. <see cref="Complete"/> ends the output; a failure before it leaves what was
/// written (and the exit code says it failed).
/// </summary>
internal sealed class ListOutput<T> : IDisposable
{
    private readonly JsonArrayStream? _json;
    private readonly StreamingTable<T>? _table;
    private readonly Action<Utf8JsonWriter, T> _writeJson;

    public ListOutput(OutputContext output, IReadOnlyList<Column<T>> columns, Action<Utf8JsonWriter, T> writeJson, ProgressBar? progress = null)
    {
        _writeJson = writeJson;
        if (output.Json)
            _json = new JsonArrayStream(output.Output);
        else
            _table = new StreamingTable<T>(output.Output, columns, output.Width, output.Wide) { BeforeWrite = progress is null ? null : progress.Clear };
    }

    /// <summary>Rows written so far.</summary>
    public int Count { get; private set; }

    public void Add(T row)
    {
        Count++;
        if (_json is not null)
            _json.Add(w => _writeJson(w, row));
        else
            _table!.Add(row);
    }

    /// <summary>Sends the rows written so far on: called before waiting for more (the next page).</summary>
    public void Flush()
    {
        _json?.FlushOutput();
        _table?.Flush();
    }

    public void Complete()
    {
        _json?.Complete();
        _table?.Complete();
    }

    public void Dispose() => _json?.Dispose();
}
