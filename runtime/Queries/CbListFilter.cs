using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CbTyped;

/// <summary>
/// cbapi's client-side list query (SimpleQuery): <c>field:value</c> matches when the field's value, as text, equals
/// the value ignoring case (a missing field never matches); sorting is by one field, descending unless "asc" is given.
/// Works on a member's raw JSON text, so it serves raw rows and models alike.
/// </summary>
internal static class CbListFilter
{
    /// <summary>Splits <c>field:value</c> at the first colon.</summary>
    public static (string Field, string Value) SplitTerm(string term, string modelName)
    {
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            throw new ArgumentException($"A {modelName} list can only be filtered by 'field:value', not '{term}'.", nameof(term));
        return (term[..colon].Trim(), term[(colon + 1)..].Trim());
    }

    /// <summary>True when the member's raw JSON (null when absent) reads as <paramref name="value"/>, ignoring case.</summary>
    public static bool Matches(string? rawJson, string value) =>
        rawJson is not null && string.Equals(AsText(rawJson), value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Python's <c>str(value)</c> for a JSON value, as cbapi compares it: strings unquoted, true/false/none.</summary>
    public static string AsText(string rawJson)
    {
        if (rawJson.Length > 0 && rawJson[0] == '"')
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(rawJson));
            reader.Read();
            return reader.GetString()!;
        }
        return rawJson == "null" ? "none" : rawJson;
    }

    /// <summary>Sorts rows by one field: <c>"name"</c> or <c>"name desc"</c> descending (cbapi's default), <c>"name asc"</c> ascending.</summary>
    public static List<TRow> Sort<TRow>(List<TRow> rows, string sort, Func<TRow, string, string?> rawField)
    {
        var parts = sort.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            return rows;
        var field = parts[0];
        var ascending = parts.Length > 1 && parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase);
        var keyed = rows.Select(row => (Row: row, Key: SortKey(rawField(row, field)))).ToList();
        keyed.Sort((a, b) => ascending ? Compare(a.Key, b.Key) : Compare(b.Key, a.Key));
        return keyed.ConvertAll(k => k.Row);
    }

    private static (double? Number, string? Text) SortKey(string? raw)
    {
        if (raw is null)
            return (null, null);
        var text = AsText(raw);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (n, text) : (null, text);
    }

    private static int Compare((double? Number, string? Text) a, (double? Number, string? Text) b)
    {
        if (a.Number is { } x && b.Number is { } y)
            return x.CompareTo(y);
        if (a.Text is null || b.Text is null)
            return (a.Text is null ? 0 : 1) - (b.Text is null ? 0 : 1); // missing sorts lowest
        return string.CompareOrdinal(a.Text, b.Text);
    }
}
