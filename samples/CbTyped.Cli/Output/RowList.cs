using System.Text.Json;

namespace CbTyped.Cli.Output;

/// <summary>
/// <see cref="ModelList"/> for rows that are not models (Live Response directory entries, processes): a table, or with
/// <c>--json</c> one array of objects written by the caller (there is no generated writer for them).
/// </summary>
internal static class RowList
{
    public static void Write<T>(OutputContext output, IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns, Action<Utf8JsonWriter, T> writeRow)
    {
        if (!output.Json)
        {
            TableWriter.Write(output.Output, rows, columns);
            return;
        }

        output.WriteJson(w =>
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                w.WriteStartObject();
                writeRow(w, row);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
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
