using System.Text.Json;

namespace CbTyped.Cli.Output;

/// <summary>
/// <see cref="ModelList"/> for rows that are not models (Live Response directory entries, processes): a table, or with
/// <c>--json</c> one array of objects written by the caller (there is no generated writer for them).
/// </summary>
internal static class RowList
{
    public static void Write<T>(OutputContext output, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns, Action<Utf8JsonWriter, T> writeRow)
    {
        using var list = new ListOutput<T>(output, columns, (w, row) =>
        {
            w.WriteStartObject();
            writeRow(w, row);
            w.WriteEndObject();
        });
        foreach (var row in rows)
            list.Add(row);
        list.Complete();
    }

    /// <summary>A time as ISO 8601 UTC, or null.</summary>
    public static void WriteUtc(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
            writer.WriteString(name, time.ToUniversalTime());
        else
            writer.WriteNull(name);
    }
}
