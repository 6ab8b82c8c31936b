namespace CbTyped.Cli.Output;

/// <summary>
/// A table written while its rows arrive, in constant memory whatever their number: the first
/// <see cref="LayoutRows"/> rows (the SDK's first page) are held to size the columns, written with the header, and
/// every later row is written at once in those widths, a longer cell cut with an ellipsis.
/// </summary>
internal sealed class StreamingTable<T>(TextWriter output, IReadOnlyList<Column<T>> columns, int? width, bool wide)
{
    /// <summary>Rows held to size the columns: one page of the SDK's paging (its default page size).</summary>
    public const int LayoutRows = 100;

    private readonly List<string[]> _pending = [];
    private int[]? _widths;

    /// <summary>Called before a row is written (the progress line clears itself so the row is not drawn over it).</summary>
    public Action? BeforeWrite { get; init; }

    public void Add(T row)
    {
        var cells = new string[columns.Count];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = TableLayout.Clean(columns[i].Cell(row));
        if (_widths is not null)
        {
            BeforeWrite?.Invoke();
            WriteLine(cells);
            return;
        }
        _pending.Add(cells);
        if (_pending.Count >= LayoutRows)
            Layout();
    }

    /// <summary>Sends the rows written so far on (rows still held to size the columns stay held).</summary>
    public void Flush() => output.Flush();

    /// <summary>Writes what is held (a table of fewer rows than one page, or only its header).</summary>
    public void Complete()
    {
        if (_widths is null)
            Layout();
        output.Flush();
    }

    private void Layout()
    {
        var headers = columns.Select(c => c.Header).ToArray();
        _widths = TableLayout.Widths(headers, _pending, width, wide);
        BeforeWrite?.Invoke();
        WriteLine(headers);
        WriteLine(_widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in _pending)
            WriteLine(row);
        _pending.Clear();
        output.Flush();
    }

    private void WriteLine(string[] values)
    {
        var line = new System.Text.StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                line.Append(' ', TableLayout.Gap);
            var text = wide ? values[i] : TableLayout.Fit(values[i], _widths![i]);
            var pad = Math.Max(0, _widths![i] - text.Length);
            if (columns[i].AlignRight)
                line.Append(' ', pad).Append(text);
            else
                line.Append(text).Append(' ', pad);
        }
        output.WriteLine(line.ToString().TrimEnd());
    }
}
