using System.Globalization;
using System.Text.Json;

namespace CbTyped;

internal static class CbFacetReader
{
    /// <summary>Reads the <c>facets</c> object into field → buckets (in the server's order).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CbFacetValue>> Read(ReadOnlyMemory<byte> facets)
    {
        var result = new Dictionary<string, IReadOnlyList<CbFacetValue>>(StringComparer.Ordinal);
        if (facets.IsEmpty)
            return result;
        using var document = JsonDocument.Parse(facets);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return result;
        foreach (var field in document.RootElement.EnumerateObject())
        {
            var buckets = new List<CbFacetValue>();
            if (field.Value.ValueKind == JsonValueKind.Array)
                foreach (var bucket in field.Value.EnumerateArray())
                    if (bucket.ValueKind == JsonValueKind.Object)
                        buckets.Add(new CbFacetValue(
                            bucket.TryGetProperty("name", out var n) ? CbListFilter.AsText(n.GetRawText()) : "",
                            bucket.TryGetProperty("value", out var v) ? Number(v) ?? 0 : 0,
                            bucket.TryGetProperty("percent", out var p) ? Fraction(p) : null,
                            bucket.TryGetProperty("ratio", out var r) ? Fraction(r) : null));
            result[field.Name] = buckets;
        }
        return result;
    }

    // Some servers send the numbers as strings.
    private static double? Fraction(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static long? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
