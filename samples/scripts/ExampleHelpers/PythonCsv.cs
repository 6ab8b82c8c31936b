namespace CbTyped.Scripts;

/// <summary>Rows the way Python's <c>csv.writer</c> writes them with its defaults (the excel dialect).</summary>
public static class PythonCsv
{
    /// <summary>
    /// One row ending in <c>\r\n</c> (the dialect's line terminator); a value holding a comma, a quote or a line break is
    /// quoted with its quotes doubled (QUOTE_MINIMAL).
    /// </summary>
    public static string Row(IEnumerable<string?> values) =>
        string.Join(',', values.Select(v => Quote(v ?? ""))) + "\r\n";

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
