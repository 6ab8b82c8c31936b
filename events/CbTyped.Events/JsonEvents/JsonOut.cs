using System.Globalization;
using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>Writes a typed event's values; a value that is not there is not written.</summary>
internal static class JsonOut
{
    public static void Write(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    public static void Write(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
    }

    public static void Write(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
    }

    public static void Write(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
            writer.WriteBoolean(name, v);
    }

    public static void Write(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v)
            writer.WriteString(name, v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }

    public static void Write(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        if (value is not { } v)
            return;
        writer.WritePropertyName(name);
        v.WriteTo(writer);
    }

    /// <summary>Event time as epoch seconds with milliseconds, as the server writes <c>event_timestamp</c>.</summary>
    public static void WriteEpoch(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v.ToUnixTimeMilliseconds() / 1000.0);
    }
}
