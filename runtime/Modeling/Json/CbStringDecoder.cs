using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CbTyped.Modeling.Json;

/// <summary>Turns the bytes between a JSON string's quotes into text, undoing backslash escapes.</summary>
/// <remarks><para>For generated code; applications should not call it, and it may change between versions.</para>
/// Hand-written rather than a <c>Utf8JsonReader</c> round trip per value: Cb paths and command lines are full of
/// escaped backslashes, so this runs for several fields of every process row and must not pay a reader's setup.
/// Invalid UTF-8 and lone surrogates become U+FFFD, as <see cref="Encoding.UTF8"/> does. ASCII-only text (nearly
/// every Cb value) is widened byte for byte instead: profiling showed UTF-8 validation and transcoding at ~10% of
/// reading every field of a page, and skipping it brought that read ~10% closer to the token floor.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CbStringDecoder
{
    private const int StackLimit = 256;

    /// <summary>Decodes string content that contains no escapes.</summary>
    public static string Decode(ReadOnlySpan<byte> content) =>
        content.IsEmpty ? string.Empty
        : Ascii.IsValid(content) ? Encoding.Latin1.GetString(content) // ASCII: a plain widening, no UTF-8 validation pass
        : Encoding.UTF8.GetString(content);

    /// <summary>
    /// Decodes the content of a string the scanner found to be ASCII without escapes (<see cref="CbJsonKind.String"/>):
    /// a plain widening, with no validation pass.
    /// </summary>
    internal static string DecodeAscii(ReadOnlySpan<byte> content) =>
        content.IsEmpty ? string.Empty : Encoding.Latin1.GetString(content);

    /// <summary>Decodes string content that may contain escapes.</summary>
    public static string DecodeEscaped(ReadOnlySpan<byte> content) =>
        TryDecodeEscaped(content, out string? text, out CbJsonException? error) ? text : throw error;

    /// <summary>Like <see cref="DecodeEscaped"/>, but a malformed escape returns false and the error instead of throwing it.</summary>
    internal static bool TryDecodeEscaped(ReadOnlySpan<byte> content, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out CbJsonException? error)
    {
        byte[]? rented = null;
        Span<byte> buffer = content.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(content.Length));
        int written = TryUnescape(content, buffer, out error);
        text = written < 0 ? null : Decode(buffer[..written]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return text is not null;
    }

    /// <summary>Undoes JSON escapes into <paramref name="destination"/> (at least as long as the input).</summary>
    /// <returns>The number of UTF-8 bytes written.</returns>
    public static int Unescape(ReadOnlySpan<byte> content, Span<byte> destination)
    {
        int written = TryUnescape(content, destination, out CbJsonException? error);
        return written >= 0 ? written : throw error!;
    }

    // The number of bytes written, or -1 and the error for a malformed escape.
    private static int TryUnescape(ReadOnlySpan<byte> content, Span<byte> destination, out CbJsonException? error)
    {
        error = null;
        int written = 0;
        int i = 0;
        while (i < content.Length)
        {
            int backslash = content[i..].IndexOf((byte)'\\');
            if (backslash < 0)
            {
                content[i..].CopyTo(destination[written..]);
                return written + content.Length - i;
            }

            content.Slice(i, backslash).CopyTo(destination[written..]);
            written += backslash;
            i += backslash;
            if (i + 1 >= content.Length)
            {
                error = new CbJsonException("A JSON string ends in the middle of an escape.", i);
                return -1;
            }

            byte escape = content[i + 1];
            i += 2;
            switch (escape)
            {
                case (byte)'"': destination[written++] = (byte)'"'; break;
                case (byte)'\\': destination[written++] = (byte)'\\'; break;
                case (byte)'/': destination[written++] = (byte)'/'; break;
                case (byte)'b': destination[written++] = (byte)'\b'; break;
                case (byte)'f': destination[written++] = (byte)'\f'; break;
                case (byte)'n': destination[written++] = (byte)'\n'; break;
                case (byte)'r': destination[written++] = (byte)'\r'; break;
                case (byte)'t': destination[written++] = (byte)'\t'; break;
                case (byte)'u':
                    int codePoint = ReadHex4(content, i);
                    if (codePoint < 0)
                    {
                        error = new CbJsonException("A \\u escape needs four hex digits.", i);
                        return -1;
                    }

                    i += 4;
                    if (char.IsHighSurrogate((char)codePoint) && i + 1 < content.Length && content[i] == (byte)'\\' && content[i + 1] == (byte)'u')
                    {
                        int low = ReadHex4(content, i + 2);
                        if (low >= 0 && char.IsLowSurrogate((char)low))
                        {
                            codePoint = char.ConvertToUtf32((char)codePoint, (char)low);
                            i += 6;
                        }
                    }

                    if (!Rune.TryCreate(codePoint, out Rune rune))
                    {
                        rune = Rune.ReplacementChar;
                    }

                    written += rune.EncodeToUtf8(destination[written..]);
                    break;
                default:
                    error = new CbJsonException($"'\\{(char)escape}' is not a JSON escape.", i - 2);
                    return -1;
            }
        }

        return written;
    }

    // Four hex digits as a number, or -1 when they are not there.
    private static int ReadHex4(ReadOnlySpan<byte> content, int at)
    {
        if (at + 4 > content.Length)
        {
            return -1;
        }

        int value = 0;
        for (int k = 0; k < 4; k++)
        {
            int digit = HexDigit(content[at + k]);
            if (digit < 0)
            {
                return -1;
            }

            value = (value << 4) | digit;
        }

        return value;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
