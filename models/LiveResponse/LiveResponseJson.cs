using System.Text.Json;

namespace CbTyped.Response;

/// <summary>Reads the members of Live Response documents with <see cref="JsonElement"/> (no reflection, trim-safe).</summary>
internal static class LiveResponseJson
{
    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    public static long? Int64(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v))
            return null;
        if (v.ValueKind == JsonValueKind.Number)
            return v.TryGetInt64(out long whole) ? whole : (long)v.GetDouble();
        return v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
    }

    /// <summary>An int32 member; a larger number wraps (HRESULTs are sometimes sent unsigned, 2147942402).</summary>
    public static int? Int32(JsonElement obj, string name) => Int64(obj, name) is long value ? unchecked((int)value) : null;

    public static double? Double(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static bool? Boolean(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    /// <summary>Epoch seconds (an integer or a float) as a time; null when absent.</summary>
    public static DateTimeOffset? EpochTime(JsonElement obj, string name) => EpochTime(Double(obj, name));

    /// <summary>Epoch seconds (an integer or a float) as a time; null when absent.</summary>
    public static DateTimeOffset? EpochTime(double? seconds) =>
        seconds is double value ? DateTimeOffset.UnixEpoch.AddTicks((long)(value * TimeSpan.TicksPerSecond)) : null;

    public static IReadOnlyList<string> Strings(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
            return [];
        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
                list.Add(item.GetString()!);
        }

        return list;
    }
}
