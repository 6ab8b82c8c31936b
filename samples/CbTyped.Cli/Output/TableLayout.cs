namespace CbTyped.Cli.Output;

/// <summary>
/// Column widths for a table: each column as wide as its header and the rows seen (cells capped at 60 characters
/// unless <c>--wide</c>), then, when the table must fit a width, the widest column narrowed one character at a time
/// until the line fits (no column below 3 characters, so a very narrow terminal still shows every column's start).
/// </summary>
internal static class TableLayout
{
    public const int MaxCellWidth = 60;
    public const int Gap = 2;
    private const int MinColumnWidth = 3;

    public static int[] Widths(IReadOnlyList<string> headers, IEnumerable<string[]> rows, int? fitWidth, bool wide)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
                widths[i] = Math.Max(widths[i], wide ? row[i].Length : Math.Min(row[i].Length, MaxCellWidth));
        }
        if (wide || fitWidth is not { } available)
            return widths;

        var total = widths.Sum() + Gap * (widths.Length - 1);
        while (total > available)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= MinColumnWidth)
                break;
            widths[widest]--;
            total--;
        }
        return widths;
    }

    /// <summary>The text cut to <paramref name="width"/> characters, its last one an ellipsis when cut.</summary>
    public static string Fit(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? "…"[..width] : text[..(width - 1)] + "…";

    /// <summary>A cell's text on one line.</summary>
    public static string Clean(string? text) => string.IsNullOrEmpty(text) ? "" : text.ReplaceLineEndings(" ");
}
