using System.Globalization;
using System.Text.Json;

namespace CbTyped;

/// <summary>
/// cbapi's client-side list query (SimpleQuery, §3.2): <c>field:value</c> matches when the field's value, as text, equals
/// the value ignoring case (a missing field never matches); sorting is by one field, descending unless "asc" is given.
/// Works on the raw JSON rows, so no model code is needed.
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

    public static bool Matches(ReadOnlyMemory<byte> row, string field, string value)
    {
        using var document = JsonDocument.Parse(row);
        return document.RootElement.ValueKind == JsonValueKind.Object &&
               document.RootElement.TryGetProperty(field, out var element) &&
               string.Equals(AsText(element), value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Python's <c>str(value)</c> for a JSON value, as cbapi compares it.</summary>
    public static string AsText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "none",
        _ => element.GetRawText(),
    };

    /// <summary>Sorts rows by one field: <c>"name"</c> or <c>"name desc"</c> descending (cbapi's default), <c>"name asc"</c> ascending.</summary>
    public static List<ReadOnlyMemory<byte>> Sort(List<ReadOnlyMemory<byte>> rows, string sort)
    {
        var parts = sort.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            return rows;
        var field = parts[0];
        var ascending = parts.Length > 1 && parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase);
        var keyed = rows.Select(row => (Row: row, Key: SortKey(row, field))).ToList();
        keyed.Sort((a, b) => ascending ? Compare(a.Key, b.Key) : Compare(b.Key, a.Key));
        return keyed.ConvertAll(k => k.Row);
    }

    private static (double? Number, string? Text) SortKey(ReadOnlyMemory<byte> row, string field)
    {
        using var document = JsonDocument.Parse(row);
        if (!document.RootElement.TryGetProperty(field, out var element))
            return (null, null);
        if (element.ValueKind == JsonValueKind.Number)
            return (element.GetDouble(), null);
        var text = AsText(element);
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
