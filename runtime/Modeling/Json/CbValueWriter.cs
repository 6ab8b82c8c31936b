using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace CbTyped.Modeling.Json;

/// <summary>Writes one changed field. Keeps the JSON shape the server used for it (a number the server sent as a
/// string goes back as a string; a Postgres-style timestamp goes back in that style).</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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

    /// <summary>Writes a timestamp in the shape of the token it replaces, or in <paramref name="format"/> when there is none.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value, ReadOnlySpan<byte> originalToken, CbJsonKind original, CbDateFormat format)
    {
        writer.WritePropertyName(name);
        WriteDateTimeValue(writer, value, originalToken, original, format);
    }

    /// <summary>Writes a timestamp value (see <see cref="WriteDateTime"/>).</summary>
    public static void WriteDateTimeValue(Utf8JsonWriter writer, DateTimeOffset? value, ReadOnlySpan<byte> originalToken, CbJsonKind original, CbDateFormat format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        DateTimeOffset v = value.Value;
        bool epoch = original == CbJsonKind.Number || (original is CbJsonKind.None or CbJsonKind.Null && format == CbDateFormat.Epoch);
        if (epoch)
        {
            double seconds = (v.UtcTicks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;
            if (original == CbJsonKind.Number && !originalToken.Contains((byte)'.'))
            {
                writer.WriteNumberValue((long)Math.Floor(seconds));
            }
            else
            {
                writer.WriteNumberValue(seconds);
            }

            return;
        }

        writer.WriteStringValue(original == CbJsonKind.String ? FormatDateTime(v, originalToken) : FormatDateTime(v, format));
    }

    /// <summary>Formats a timestamp like <paramref name="originalToken"/> (a quoted JSON string) or as ISO UTC.</summary>
    public static string FormatDateTime(DateTimeOffset value, ReadOnlySpan<byte> originalToken)
    {
        ReadOnlySpan<byte> text = originalToken.Length >= 2 ? originalToken[1..^1] : default;
        if (text.Length >= 19 && text[10] == (byte)' ')
        {
            bool hasOffset = text.Length > 19 && (text[^6] == (byte)'+' || text[^6] == (byte)'-');
            return FormatDateTime(value, hasOffset ? CbDateFormat.Postgres : CbDateFormat.Local);
        }

        if (text.Length > 0 && text[0] is >= (byte)'A' and <= (byte)'Z')
        {
            return value.ToString("r", CultureInfo.InvariantCulture);
        }

        if (text.Length == 20 && text[19] == (byte)'Z')
        {
            return value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return FormatDateTime(value, CbDateFormat.Iso);
    }

    /// <summary>Formats a timestamp in one of the Cb formats (epoch as decimal seconds text).</summary>
    public static string FormatDateTime(DateTimeOffset value, CbDateFormat format) => format switch
    {
        CbDateFormat.Postgres => value.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        CbDateFormat.Local => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        CbDateFormat.Epoch => ((value.UtcTicks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond).ToString("R", CultureInfo.InvariantCulture),
        _ => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };

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
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteListValue(writer, value, writeElement);
    }

    /// <summary>Writes a map with <paramref name="writeValue"/> for each value, keys in ordinal order, or null.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, T>? value, Action<Utf8JsonWriter, T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteMapValue(writer, value, writeValue);
    }

    /// <summary>Writes an enum's JSON text as a value, or null.</summary>
    public static void WriteEnumValue(Utf8JsonWriter writer, string? jsonText)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (jsonText is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(jsonText);
        }
    }

    /// <summary>Writes a list as a value (lists of lists).</summary>
    public static void WriteListValue<T>(Utf8JsonWriter writer, IReadOnlyList<T>? value, Action<Utf8JsonWriter, T> writeElement)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(writeElement);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (T item in value)
        {
            writeElement(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map as a value (keys in ordinal order).</summary>
    public static void WriteMapValue<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T>? value, Action<Utf8JsonWriter, T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(writeValue);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> pair in value.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a <c>json</c> field: the value's own UTF-8 bytes as they were read or built; null (or a default element) as null.</summary>
    public static void WriteJson(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteJsonValue(writer, value);
    }

    /// <summary>Writes a <c>json</c> value: its raw bytes unchanged (no re-encoding of strings or numbers), or null.</summary>
    public static void WriteJsonValue(Utf8JsonWriter writer, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not { ValueKind: not JsonValueKind.Undefined } element)
        {
            writer.WriteNullValue();
        }
        else
        {
            // The element was validated when it was parsed; its raw value goes out byte for byte.
            writer.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
        }
    }

    /// <summary>Writes an existing CLR type's invariant text (<see cref="Convert.ToString(object, IFormatProvider)"/>), or null.</summary>
    public static void WriteClr(Utf8JsonWriter writer, JsonEncodedText name, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteClrValue(writer, value);
    }

    /// <summary>Writes an existing CLR type's invariant text as a value, or null.</summary>
    public static void WriteClrValue(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
