namespace CbTyped.Cli.Output;

/// <summary>
/// Writes rows as an aligned plain-text table. Hand-written (a few lines) rather than a console-UI library: those
/// pull in reflection-heavy rendering that would cost the Native-AOT binary size and start-up the tool is measured on.
/// </summary>
internal static class TableWriter
{
    private const int MaxCellWidth = 60;

    public static void Write<T>(TextWriter output, IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns)
    {
        var cells = rows.Select(row => columns.Select(c => Clean(c.Cell(row))).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();

        WriteLine(output, columns.Select(c => c.Header).ToArray(), widths, columns);
        WriteLine(output, widths.Select(w => new string('-', w)).ToArray(), widths, columns);
        foreach (var row in cells)
            WriteLine(output, row, widths, columns);
    }

    /// <summary>A single object as "name: value" lines.</summary>
    public static void WriteRecord(TextWriter output, IReadOnlyList<(string Name, string? Value)> fields)
    {
        var width = fields.Count == 0 ? 0 : fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields)
            output.WriteLine(name.PadRight(width) + "  " + (value ?? ""));
    }

    private static void WriteLine<T>(TextWriter output, string[] values, int[] widths, IReadOnlyList<Column<T>> columns)
    {
        var parts = values.Select((v, i) => columns[i].AlignRight ? v.PadLeft(widths[i]) : v.PadRight(widths[i]));
        output.WriteLine(string.Join("  ", parts).TrimEnd());
    }

    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxCellWidth ? oneLine : oneLine[..(MaxCellWidth - 1)] + "…";
    }
}
