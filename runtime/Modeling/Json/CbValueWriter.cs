using System.Globalization;
using System.Text.Json;

namespace CbTyped.Modeling.Json;

/// <summary>Writes one changed field. Keeps the JSON shape the server used for it (a number the server sent as a
/// string goes back as a string; a Postgres-style timestamp goes back in that style).</summary>
public static class CbValueWriter
{
    /// <summary>Writes a string, or null.</summary>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes an integer as a number, or as a string when the server sent this field as a string.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, JsonEncodedText name, long? value, CbJsonKind original)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else if (original is CbJsonKind.String or CbJsonKind.EscapedString)
        {
            writer.WriteString(name, value.Value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a double as a number, or as a string when the server sent this field as a string.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double? value, CbJsonKind original)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else if (original is CbJsonKind.String or CbJsonKind.EscapedString)
        {
            writer.WriteString(name, value.Value.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a boolean in the shape the server used (<c>true</c>, <c>"true"</c> or <c>1</c>).</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value, CbJsonKind original)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        switch (original)
        {
            case CbJsonKind.Number:
                writer.WriteNumber(name, value.Value ? 1 : 0);
                break;
            case CbJsonKind.String:
            case CbJsonKind.EscapedString:
                writer.WriteString(name, value.Value ? "true" : "false");
                break;
            default:
                writer.WriteBoolean(name, value.Value);
                break;
        }
    }

    /// <summary>Writes a timestamp in the format of the token it replaces, or ISO-8601 UTC with milliseconds and <c>Z</c>.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value, ReadOnlySpan<byte> originalToken, CbJsonKind original)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        DateTimeOffset v = value.Value;
        if (original == CbJsonKind.Number)
        {
            double seconds = (v.UtcTicks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;
            if (originalToken.Contains((byte)'.'))
            {
                writer.WriteNumber(name, seconds);
            }
            else
            {
                writer.WriteNumber(name, (long)Math.Floor(seconds));
            }

            return;
        }

        writer.WriteString(name, FormatDateTime(v, original == CbJsonKind.String ? originalToken : default));
    }

    /// <summary>Formats a timestamp like <paramref name="originalToken"/> (a quoted JSON string) or as ISO UTC.</summary>
    public static string FormatDateTime(DateTimeOffset value, ReadOnlySpan<byte> originalToken)
    {
        ReadOnlySpan<byte> text = originalToken.Length >= 2 ? originalToken[1..^1] : default;
        if (text.Length >= 19 && text[10] == (byte)' ')
        {
            bool hasOffset = text.Length > 19 && (text[^6] == (byte)'+' || text[^6] == (byte)'-');
            return hasOffset
                ? value.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture)
                : value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        }

        if (text.Length > 0 && text[0] is >= (byte)'A' and <= (byte)'Z')
        {
            return value.ToString("r", CultureInfo.InvariantCulture);
        }

        if (text.Length == 20 && text[19] == (byte)'Z')
        {
            return value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes a GUID in its hyphenated lower-case form.</summary>
    public static void WriteGuid(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value.Value);
        }
    }

    /// <summary>Writes the JSON text of an enum member (the generated map gives it).</summary>
    public static void WriteEnum(Utf8JsonWriter writer, JsonEncodedText name, string? jsonText)
    {
        if (jsonText is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, jsonText);
        }
    }

    /// <summary>Writes a nested object (its own unknown fields included), or null.</summary>
    public static void WriteObject(Utf8JsonWriter writer, JsonEncodedText name, CbObject? value, CbWriteMode mode)
    {
        writer.WritePropertyName(name);
        WriteObjectValue(writer, value, mode);
    }

    /// <summary>Writes a nested object as a value (inside an array), or null.</summary>
    public static void WriteObjectValue(Utf8JsonWriter writer, CbObject? value, CbWriteMode mode)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            // A nested object is always written whole: its parent field changed, so the server needs all of it.
            value.WriteTo(writer, mode == CbWriteMode.Changes ? CbWriteMode.Full : mode);
        }
    }

    /// <summary>Writes a list with <paramref name="writeElement"/> for each element, or null.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? value, Action<Utf8JsonWriter, T> writeElement)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        foreach (T item in value)
        {
            writeElement(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map with <paramref name="writeValue"/> for each value, keys in ordinal order, or null.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, T>? value, Action<Utf8JsonWriter, T> writeValue)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        foreach (KeyValuePair<string, T> pair in value.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an existing CLR type's invariant string form, or null.</summary>
    public static void WriteFormattable<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value)
        where T : struct, IFormattable
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value.Value.ToString(null, CultureInfo.InvariantCulture));
        }
    }
}
