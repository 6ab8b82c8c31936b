namespace CbTyped.Cli.Output;

/// <summary>
/// Writes rows as an aligned plain-text table, as they arrive (<see cref="StreamingTable{T}"/>), fitted to the
/// terminal's width with an ellipsis where a cell is cut.
/// </summary>
/// <remarks>
/// Hand-written rather than Spectre.Console. Spectre.Console 0.57.2 does publish under Native AOT (TrimMode=full) with
/// zero warnings for a table and a progress display, but its <c>Table</c> measures every row before it writes the first,
/// so a 100,000-row search would sit in memory until the end, which is what streaming must avoid; and its
/// <c>Progress</c> is a live display that owns the terminal while it runs, redrawing from its own thread, so rows
/// streamed to the same terminal meanwhile would be drawn over. Fitting columns to a width from the first page and one
/// progress line take a few dozen lines here.
/// </remarks>
internal static class TableWriter
{
    public static void Write<T>(OutputContext output, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns)
    {
        var table = new StreamingTable<T>(output.Output, columns, output.Width, output.Wide);
        foreach (var row in rows)
            table.Add(row);
        table.Complete();
    }

    /// <summary>A single object as "name: value" lines.</summary>
    public static void WriteRecord(TextWriter output, IReadOnlyList<(string Name, string? Value)> fields)
    {
        var width = fields.Count == 0 ? 0 : fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields)
            output.WriteLine(name.PadRight(width) + "  " + TableLayout.Clean(value));
    }
}
