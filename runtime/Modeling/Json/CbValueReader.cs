using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace CbTyped.Modeling.Json;

/// <summary>Decodes one field's raw JSON token into a CLR value, tolerating Cb Response's type quirks.</summary>
/// <remarks><para>For generated code; applications should not call it, and it may change between versions.</para>
/// Quirks handled everywhere: numbers sent as strings (<c>"uptime":"2166755"</c>), ids that are numbers on one route
/// and strings on another, a one-element array where a single value is expected (<c>/api/group/{id}</c> answers
/// <c>[ {group} ]</c>), booleans as <c>true</c>/<c>"true"</c>/<c>1</c>/<c>"1"</c>, an empty string meaning "no value".
/// <c>null</c> and an absent member both read as <see langword="null"/>. A value that cannot be read as the field's type
/// throws <see cref="CbJsonException"/> naming the type (never the value, which may be sensitive).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CbValueReader
{
    /// <summary>Reads a string. Numbers and booleans are returned as their JSON text (ids that are ints or strings).</summary>
    public static string? ReadString(ReadOnlySpan<byte> token, CbJsonKind kind) => kind switch
    {
        CbJsonKind.String => CbStringDecoder.DecodeAscii(token[1..^1]),
        CbJsonKind.EscapedString => CbStringDecoder.DecodeEscaped(token[1..^1]),
        CbJsonKind.Number => Encoding.UTF8.GetString(token),
        CbJsonKind.True => "true",
        CbJsonKind.False => "false",
        CbJsonKind.None or CbJsonKind.Null => null,
        CbJsonKind.Array => ReadSingleElement(token, "string", ReadString),
        _ => throw WrongShape("a string", kind),
    };

    // ---- the plain shapes, tried first by generated properties --------------------------------------------------
    // Each is true, with the value, when the token has the shape nearly every Cb value has (or is absent or null),
    // and false for anything else; the property then calls the full reader (Read…), whose errors it wraps with the
    // field's name and path. Keeping that error handling out of the common path lets it run without an exception
    // frame: profiling had the frame's set-up at a tenth of reading every field of a page.

    /// <summary>A string: true for a JSON string with well-formed escapes (or none), or an absent or null value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadPlainString(ReadOnlySpan<byte> token, CbJsonKind kind, out string? value)
    {
        switch (kind)
        {
            case CbJsonKind.String:
                value = CbStringDecoder.DecodeAscii(token[1..^1]);
                return true;
            case CbJsonKind.EscapedString:
                return CbStringDecoder.TryDecodeEscaped(token[1..^1], out value, out _);
            case CbJsonKind.None:
            case CbJsonKind.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <summary>A 32-bit integer: true for a plain JSON integer in range, or an absent or null value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadPlainInt32(ReadOnlySpan<byte> token, CbJsonKind kind, out int? value)
    {
        if (kind == CbJsonKind.Number && TryParsePlainInteger(token, out long plain) && plain == (int)plain)
        {
            value = (int)plain;
            return true;
        }

        value = null;
        return kind is CbJsonKind.None or CbJsonKind.Null;
    }

    /// <summary>A 64-bit integer: true for a plain JSON integer of up to 18 digits, or an absent or null value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadPlainInt64(ReadOnlySpan<byte> token, CbJsonKind kind, out long? value)
    {
        if (kind == CbJsonKind.Number && TryParsePlainInteger(token, out long plain))
        {
            value = plain;
            return true;
        }

        value = null;
        return kind is CbJsonKind.None or CbJsonKind.Null;
    }

    /// <summary>A boolean: true for <c>true</c>, <c>false</c>, or an absent or null value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadPlainBoolean(CbJsonKind kind, out bool? value)
    {
        value = kind == CbJsonKind.True ? true : kind == CbJsonKind.False ? false : null;
        return kind is CbJsonKind.True or CbJsonKind.False or CbJsonKind.None or CbJsonKind.Null;
    }

    /// <summary>
    /// A timestamp: true for a string or epoch number <see cref="ReadDateTime"/> reads without error (the
    /// <c>"yyyy-MM-ddTHH:mm:ss[.f…]Z"</c> of every search row first), or an absent or null value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadPlainDateTime(ReadOnlySpan<byte> token, CbJsonKind kind, out DateTimeOffset? value)
    {
        if (kind == CbJsonKind.String && CbDateParser.TryParseIsoUtc(token[1..^1], out DateTimeOffset parsed))
        {
            value = parsed;
            return true;
        }

        return TryReadOtherDateTime(token, kind, out value);
    }

    // TryReadPlainDateTime for every other shape, as ReadDateTime reads them (false where it would throw or for the
    // shapes it unwraps or decodes first).
    private static bool TryReadOtherDateTime(ReadOnlySpan<byte> token, CbJsonKind kind, out DateTimeOffset? value)
    {
        value = null;
        switch (kind)
        {
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return true;
            case CbJsonKind.Number:
                if (CbDateParser.TryParseEpoch(token, out DateTimeOffset epoch))
                {
                    value = epoch;
                    return true;
                }

                return token.Length > 0 && token[0] == (byte)'-';
            case CbJsonKind.String:
                ReadOnlySpan<byte> text = token[1..^1];
                if (text.Trim((byte)' ').IsEmpty || text.SequenceEqual("-1"u8))
                {
                    return true;
                }

                if (CbDateParser.TryParse(text, out DateTimeOffset parsed))
                {
                    value = parsed;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Reads a 32-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? ReadInt32(ReadOnlySpan<byte> token, CbJsonKind kind) =>
        kind == CbJsonKind.Number && TryParsePlainInteger(token, out long plain) && plain == (int)plain
            ? (int)plain
            : ReadInt32Quirks(token, kind);

    /// <summary>Reads a 64-bit integer; integral values written as <c>12.0</c> or <c>1.2e1</c> are accepted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long? ReadInt64(ReadOnlySpan<byte> token, CbJsonKind kind) =>
        kind == CbJsonKind.Number && TryParsePlainInteger(token, out long plain) ? plain : ReadInt64Quirks(token, kind);

    private static int? ReadInt32Quirks(ReadOnlySpan<byte> token, CbJsonKind kind)
    {
        long? value = ReadInt64Quirks(token, kind);
        if (value is null)
        {
            return null;
        }

        if (value.Value is < int.MinValue or > int.MaxValue)
        {
            throw new CbJsonException("A JSON number is outside the range of a 32-bit integer field.");
        }

        return (int)value.Value;
    }

    // Everything but a plain JSON integer: numbers as strings, 12.0, booleans, one-element arrays, null.
    private static long? ReadInt64Quirks(ReadOnlySpan<byte> token, CbJsonKind kind)
    {
        switch (kind)
        {
            case CbJsonKind.Number:
                return ParseInt64(token);
            case CbJsonKind.String:
                ReadOnlySpan<byte> text = token[1..^1].Trim((byte)' ');
                return text.IsEmpty ? null : ParseInt64(text);
            case CbJsonKind.EscapedString:
                return ReadInt64FromText(ReadString(token, kind));
            case CbJsonKind.True:
                return 1;
            case CbJsonKind.False:
                return 0;
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return null;
            case CbJsonKind.Array:
                return ReadSingleElementValue(token, ReadInt64);
            default:
                throw WrongShape("an integer", kind);
        }
    }

    /// <summary>Reads a double.</summary>
    public static double? ReadDouble(ReadOnlySpan<byte> token, CbJsonKind kind)
    {
        switch (kind)
        {
            case CbJsonKind.Number:
                return ParseDouble(token);
            case CbJsonKind.String:
                ReadOnlySpan<byte> text = token[1..^1].Trim((byte)' ');
                return text.IsEmpty ? null : ParseDouble(text);
            case CbJsonKind.EscapedString:
                string? s = ReadString(token, kind);
                return string.IsNullOrWhiteSpace(s) ? null : ParseDouble(Encoding.UTF8.GetBytes(s.Trim()));
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return null;
            case CbJsonKind.Array:
                return ReadSingleElementValue(token, ReadDouble);
            default:
                throw WrongShape("a number", kind);
        }
    }

    /// <summary>Reads a boolean from <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c> or their string forms (any case).</summary>
    public static bool? ReadBoolean(ReadOnlySpan<byte> token, CbJsonKind kind)
    {
        switch (kind)
        {
            case CbJsonKind.True:
                return true;
            case CbJsonKind.False:
                return false;
            case CbJsonKind.Number:
                return ParseBooleanText(token);
            case CbJsonKind.String:
                return ParseBooleanText(token[1..^1].Trim((byte)' '));
            case CbJsonKind.EscapedString:
                return ParseBooleanText(Encoding.UTF8.GetBytes(ReadString(token, kind)!.Trim()));
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return null;
            case CbJsonKind.Array:
                return ReadSingleElementValue(token, ReadBoolean);
            default:
                throw WrongShape("a boolean", kind);
        }
    }

    /// <summary>Reads a timestamp in any Cb format (see <see cref="CbDateParser"/>); <c>-1</c> and <c>""</c> read as null.</summary>
    public static DateTimeOffset? ReadDateTime(ReadOnlySpan<byte> token, CbJsonKind kind)
    {
        DateTimeOffset value;
        switch (kind)
        {
            case CbJsonKind.Number:
                if (CbDateParser.TryParseEpoch(token, out value))
                {
                    return value;
                }

                return token.Length > 0 && token[0] == (byte)'-' ? null : throw BadDate();
            case CbJsonKind.String when CbDateParser.TryParseIsoUtc(token[1..^1], out value):
                return value;
            case CbJsonKind.String:
            case CbJsonKind.EscapedString:
                ReadOnlySpan<byte> text = kind == CbJsonKind.String
                    ? token[1..^1]
                    : Encoding.UTF8.GetBytes(ReadString(token, kind)!);
                if (text.Trim((byte)' ').IsEmpty || text.SequenceEqual("-1"u8))
                {
                    return null;
                }

                return CbDateParser.TryParse(text, out value) ? value : throw BadDate();
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return null;
            case CbJsonKind.Array:
                return ReadSingleElementValue(token, ReadDateTime);
            default:
                throw WrongShape("a timestamp", kind);
        }
    }

    /// <summary>Reads a GUID in any format <see cref="Guid.TryParse(string?, out Guid)"/> accepts.</summary>
    public static Guid? ReadGuid(ReadOnlySpan<byte> token, CbJsonKind kind)
    {
        if (kind == CbJsonKind.String && Utf8Parser.TryParse(token[1..^1], out Guid fast, out int consumed) && consumed == token.Length - 2)
        {
            return fast;
        }

        string? text = ReadString(token, kind);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Guid.TryParse(text, out Guid value) ? value : throw new CbJsonException("A JSON value is not a GUID.");
    }

    /// <summary>
    /// Reads an enum through the generated <paramref name="parse"/> (which maps unknown text to the enum's
    /// <c>Unknown</c> member instead of throwing). Numbers are passed to it as their text.
    /// </summary>
    public static TEnum? ReadEnum<TEnum>(ReadOnlySpan<byte> token, CbJsonKind kind, CbEnumParser<TEnum> parse)
        where TEnum : struct, Enum
    {
        switch (kind)
        {
            case CbJsonKind.String:
                return parse(token[1..^1]);
            case CbJsonKind.EscapedString:
                return parse(Encoding.UTF8.GetBytes(ReadString(token, kind)!));
            case CbJsonKind.Number:
            case CbJsonKind.True:
            case CbJsonKind.False:
                return parse(token);
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return null;
            case CbJsonKind.Array:
                return ReadSingleElementValue(token, (t, k) => ReadEnum(t, k, parse));
            default:
                throw WrongShape("an enum value", kind);
        }
    }

    /// <summary>Reads a nested object; a one-element array is unwrapped. The object keeps a slice of the row's bytes.</summary>
    public static T? ReadObject<T>(ReadOnlyMemory<byte> token, CbJsonKind kind)
        where T : CbObject, ICbObject<T>
    {
        switch (kind)
        {
            case CbJsonKind.Object:
                T value = T.CreateInstance();
                value.LoadJson(token);
                return value;
            case CbJsonKind.Array:
                var scanner = new CbJsonScanner(token.Span);
                scanner.ReadStartArray();
                if (!scanner.TryReadNextElement())
                {
                    return null;
                }

                CbJsonValue first = scanner.ReadValue();
                if (scanner.TryReadNextElement())
                {
                    throw new CbJsonException($"Expected one {typeof(T).Name} but the server sent an array of several.");
                }

                return ReadObject<T>(token.Slice(first.Start, first.Length), first.Kind);
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return null;
            default:
                throw WrongShape("an object", kind);
        }
    }

    /// <summary>Reads an array; a single non-array value is read as a one-element list.</summary>
    public static IReadOnlyList<T>? ReadList<T>(ReadOnlyMemory<byte> token, CbJsonKind kind, CbValueDecoder<T> decode)
    {
        switch (kind)
        {
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return null;
            case CbJsonKind.Array:
                var items = new List<T>();
                var scanner = new CbJsonScanner(token.Span);
                scanner.ReadStartArray();
                while (scanner.TryReadNextElement())
                {
                    CbJsonValue element = scanner.ReadValue();
                    items.Add(decode(token.Slice(element.Start, element.Length), element.Kind));
                }

                return items;
            default:
                return [decode(token, kind)];
        }
    }

    /// <summary>Reads an object as a string-keyed map.</summary>
    public static IReadOnlyDictionary<string, T>? ReadMap<T>(ReadOnlyMemory<byte> token, CbJsonKind kind, CbValueDecoder<T> decode)
    {
        switch (kind)
        {
            case CbJsonKind.None:
            case CbJsonKind.Null:
                return null;
            case CbJsonKind.Object:
                var map = new Dictionary<string, T>(StringComparer.Ordinal);
                var scanner = new CbJsonScanner(token.Span);
                scanner.ReadStartObject();
                while (scanner.TryReadPropertyName(out ReadOnlySpan<byte> name, out bool escaped))
                {
                    string key = escaped ? CbStringDecoder.DecodeEscaped(name) : CbStringDecoder.Decode(name);
                    CbJsonValue value = scanner.ReadValue();
                    map[key] = decode(token.Slice(value.Start, value.Length), value.Kind);
                }

                return map;
            case CbJsonKind.Array:
                return ReadSingleElementMemory(token, (t, k) => ReadMap(t, k, decode));
            default:
                throw WrongShape("an object", kind);
        }
    }

    /// <summary>Reads a value of an existing CLR type that parses from its invariant string form.</summary>
    public static T? ReadParsable<T>(ReadOnlySpan<byte> token, CbJsonKind kind)
        where T : struct, IParsable<T>
    {
        string? text = ReadString(token, kind);
        return string.IsNullOrEmpty(text) ? null : T.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads a <c>json</c> field: the value as sent, of any kind (a JSON <c>null</c> is an element of kind
    /// <see cref="JsonValueKind.Null"/>; only an absent member is <see langword="null"/>). The element owns a copy of
    /// the token's bytes, so it stays valid after the response is gone.
    /// </summary>
    public static JsonElement? ReadJson(ReadOnlySpan<byte> token, CbJsonKind kind)
    {
        if (kind == CbJsonKind.None)
        {
            return null;
        }

        try
        {
            return JsonElement.Parse(token);
        }
        catch (JsonException e)
        {
            // The scanner checks structure only; System.Text.Json also checks each token (a bad number or escape).
            throw new CbJsonException("Expected a JSON value but the server sent " + DescribeKind(kind) + " that is not valid JSON.", e);
        }
    }

    /// <summary>The raw JSON text of a value (for <c>clr:</c> types that are not parsable, and for diagnostics).</summary>
    public static string? ReadRawJson(ReadOnlySpan<byte> token, CbJsonKind kind) =>
        kind == CbJsonKind.None ? null : Encoding.UTF8.GetString(token);

    private static long? ReadInt64FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return ParseInt64(Encoding.UTF8.GetBytes(text.Trim()));
    }

    /// <summary>
    /// A plain JSON integer of up to 18 digits (every count, pid and id Cb sends), read with a digit loop inlined
    /// into the property: a process row has fifteen of them, and the general parser's set-up cost more than the digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParsePlainInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        bool negative = text[0] == (byte)'-';
        int i = negative ? 1 : 0;
        if (i == text.Length)
        {
            return false;
        }

        long result = 0;
        for (; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            result = (result * 10) + digit;
        }

        value = negative ? -result : result;
        return true;
    }

    private static long ParseInt64(ReadOnlySpan<byte> text)
    {
        if (TryParsePlainInteger(text, out long plain))
        {
            return plain;
        }

        if (Utf8Parser.TryParse(text, out long value, out int consumed) && consumed == text.Length)
        {
            return value;
        }

        double d = ParseDouble(text);
        if (d == Math.Floor(d) && d >= long.MinValue && d < -(double)long.MinValue) // 2^63 itself does not fit
        {
            return (long)d;
        }

        throw new CbJsonException("A JSON value is not an integer.");
    }

    private static double ParseDouble(ReadOnlySpan<byte> text)
    {
        if (Utf8Parser.TryParse(text, out double value, out int consumed) && consumed == text.Length)
        {
            return value;
        }

        throw new CbJsonException("A JSON value is not a number.");
    }

    private static bool? ParseBooleanText(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (text.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(text, "true"u8))
        {
            return true;
        }

        if (text.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(text, "false"u8))
        {
            return false;
        }

        throw new CbJsonException("A JSON value is not a boolean.");
    }

    private delegate T SpanDecoder<T>(ReadOnlySpan<byte> token, CbJsonKind kind);

    // Cb sometimes wraps a single value in a one-element array. The three wrappers differ only in their generic
    // constraints (T? means Nullable<T> for structs), so they share the scan below.
    private static T? ReadSingleElement<T>(ReadOnlySpan<byte> token, string what, SpanDecoder<T?> decode)
        where T : class =>
        TryFindSingleElement(token, what, out var element)
            ? decode(token.Slice(element.Start, element.Length), element.Kind)
            : null;

    private static T? ReadSingleElementValue<T>(ReadOnlySpan<byte> token, SpanDecoder<T?> decode)
        where T : struct =>
        TryFindSingleElement(token, typeof(T).Name, out var element)
            ? decode(token.Slice(element.Start, element.Length), element.Kind)
            : null;

    private static T? ReadSingleElementMemory<T>(ReadOnlyMemory<byte> token, CbValueDecoder<T?> decode)
        where T : class =>
        TryFindSingleElement(token.Span, "object", out var element)
            ? decode(token.Slice(element.Start, element.Length), element.Kind)
            : null;

    /// <summary>Finds the only element of an array token: false when the array is empty, an error when it has several.</summary>
    private static bool TryFindSingleElement(ReadOnlySpan<byte> token, string what, out CbJsonValue element)
    {
        var scanner = new CbJsonScanner(token);
        scanner.ReadStartArray();
        if (!scanner.TryReadNextElement())
        {
            element = default;
            return false;
        }

        element = scanner.ReadValue();
        if (scanner.TryReadNextElement())
        {
            throw new CbJsonException($"Expected one {what} but the server sent an array of several.");
        }

        return true;
    }

    private static CbJsonException WrongShape(string expected, CbJsonKind kind) =>
        new($"Expected {expected} but the server sent {DescribeKind(kind)}.");

    private static CbJsonException BadDate() =>
        new("A JSON value is not a timestamp in any format Cb Response uses.");

    internal static string DescribeKind(CbJsonKind kind) => kind switch
    {
        CbJsonKind.Object => "an object",
        CbJsonKind.Array => "an array",
        CbJsonKind.Number => "a number",
        CbJsonKind.True or CbJsonKind.False => "a boolean",
        _ => "a string",
    };
}
