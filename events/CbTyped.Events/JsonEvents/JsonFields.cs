using System.Globalization;
using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// Tolerant reads of a JSON event's fields: the server writes the same field as a number in one event and a string
/// in another (alerts carry every number as text), a list or a single string, ISO times with 0 to 6 fractional
/// digits. A field of an unexpected shape reads as null rather than failing the event.
/// </summary>
internal static class JsonFields
{
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            return true;
        value = default;
        return false;
    }

    public static string? String(JsonElement obj, string name) =>
        TryGet(obj, name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    public static long? Int64(JsonElement obj, string name) =>
        TryGet(obj, name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;

    public static double? Double(JsonElement obj, string name) =>
        TryGet(obj, name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;

    public static bool? Boolean(JsonElement obj, string name) =>
        TryGet(obj, name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            _ => null,
        } : null;

    public static IReadOnlyList<string> Strings(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var v))
            return [];
        if (v.ValueKind == JsonValueKind.String)
            return [v.GetString()!];
        if (v.ValueKind != JsonValueKind.Array)
            return [];
        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
            if (item.ValueKind == JsonValueKind.String)
                list.Add(item.GetString()!);
        return list;
    }

    /// <summary>An ISO-8601 time (any number of fractional digits; <c>Z</c> or an offset).</summary>
    public static DateTimeOffset? Time(JsonElement obj, string name) =>
        String(obj, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : null;

    /// <summary>Epoch seconds with a fraction (<c>event_timestamp</c>).</summary>
    public static DateTimeOffset? EpochSeconds(JsonElement obj, string name) =>
        Double(obj, name) is { } seconds && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : null;

    public static JsonElement? Element(JsonElement obj, string name) => TryGet(obj, name, out var v) ? v : null;
}
