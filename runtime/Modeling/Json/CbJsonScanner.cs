using System.Buffers;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CbTyped.Modeling.Json;

/// <summary>
/// A forward-only structural scanner over UTF-8 JSON that finds where values are without decoding them.
/// </summary>
/// <remarks><para>For generated code; applications should not call it, and it may change between versions.</para>
/// Hand-written on purpose, beside <see cref="System.Text.Json.Utf8JsonReader"/> (which decodes every nested value):
/// reading a search page only needs to know where each row's fields start and end, and the targets ask
/// for that pass to cost less than a bare <c>Utf8JsonReader</c> token pass. Strings and nested containers are
/// skipped with vectorised <c>IndexOfAny</c>. The structure (braces, brackets, commas, colons, literals) is checked;
/// the contents of numbers, escapes and nested containers are checked when a value is decoded
/// (<see cref="CbValueReader"/> and <c>Utf8JsonReader</c> for nested values), so a malformed body still fails loudly.
/// <para>Strings (names and values, most of them 5–40 bytes) are skipped with an inlined 32-byte vector compare
/// rather than <c>IndexOfAny</c>: profiling showed the general-purpose call's set-up cost on such short inputs was
/// the largest single cost of reading a page. Numbers (a few digits) are measured with a scalar loop for the same
/// reason. Measured against the library on the same page (serialization-profile's quote-hand, quote-any, quote-sv,
/// stop-hand and stop-sv cases; the numbers are in docs/benchmarks.md, "The scanner's string searches against
/// SearchValues"): walking the page from one stop to the next took about 0.6× the time of <c>IndexOfAny(a, b)</c> or
/// <c>SearchValues</c> for quotes and backslashes, and 0.72–0.74× of <c>SearchValues</c> for the string stops, so the
/// hand-written searches stay.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct CbJsonScanner
{
    private static readonly SearchValues<byte> ContainerStops = SearchValues.Create("\"{}[]"u8);

    private const byte AfterValue = (byte)'v';

    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private byte _last;

    /// <summary>Starts scanning <paramref name="json"/> at <paramref name="position"/>.</summary>
    public CbJsonScanner(ReadOnlySpan<byte> json, int position = 0)
    {
        _json = json;
        _pos = position;
        _last = (byte)',';
    }

    private CbJsonScanner(ReadOnlySpan<byte> json, int position, byte last)
    {
        _json = json;
        _pos = position;
        _last = last;
    }

    /// <summary>
    /// A scanner inside an object, at <paramref name="position"/>: just after its <c>{</c> when
    /// <paramref name="afterValue"/> is false, else just after a member's value (the writer resumes between members).
    /// </summary>
    internal static CbJsonScanner InsideObject(ReadOnlySpan<byte> json, int position, bool afterValue) =>
        new(json, position, afterValue ? AfterValue : (byte)'{');

    /// <summary>The offset of the next unread byte.</summary>
    public readonly int Position => _pos;

    /// <summary>The buffer being scanned.</summary>
    public readonly ReadOnlySpan<byte> Buffer => _json;

    /// <summary>Skips whitespace and tells what kind of value comes next, without consuming it.</summary>
    public CbJsonKind PeekKind()
    {
        SkipWhitespace();
        if (_pos >= _json.Length)
        {
            return CbJsonKind.None;
        }

        return _json[_pos] switch
        {
            (byte)'{' => CbJsonKind.Object,
            (byte)'[' => CbJsonKind.Array,
            (byte)'"' => CbJsonKind.String,
            (byte)'t' => CbJsonKind.True,
            (byte)'f' => CbJsonKind.False,
            (byte)'n' => CbJsonKind.Null,
            _ => CbJsonKind.Number,
        };
    }

    /// <summary>Consumes the <c>{</c> that opens an object.</summary>
    public void ReadStartObject() => ReadOpen((byte)'{');

    /// <summary>Consumes the <c>[</c> that opens an array.</summary>
    public void ReadStartArray() => ReadOpen((byte)'[');

    /// <summary>
    /// Inside an object: reads the next member's name and its colon, or consumes the closing <c>}</c>.
    /// </summary>
    /// <param name="rawName">The name's bytes between the quotes, still escaped when <paramref name="nameEscaped"/>.</param>
    /// <param name="nameEscaped">True when the name contains a backslash escape.</param>
    /// <returns>False at the end of the object.</returns>
    public bool TryReadPropertyName(out ReadOnlySpan<byte> rawName, out bool nameEscaped) =>
        TryReadPropertyName(default, out rawName, out nameEscaped, out _);

    /// <summary>
    /// Like <see cref="TryReadPropertyName(out ReadOnlySpan{byte}, out bool)"/>, but first checks whether the name is
    /// exactly <paramref name="expected"/> (Cb sends members in a stable order, so the reader usually knows the next
    /// one), which spares scanning the name for its closing quote.
    /// </summary>
    /// <param name="expected">The name the caller expects (unescaped UTF-8), or empty.</param>
    /// <param name="rawName">The name's bytes between the quotes, still escaped when <paramref name="nameEscaped"/>.</param>
    /// <param name="nameEscaped">True when the name contains a backslash escape.</param>
    /// <param name="isExpected">True when the name is <paramref name="expected"/>.</param>
    /// <returns>False at the end of the object.</returns>
    public bool TryReadPropertyName(ReadOnlySpan<byte> expected, out ReadOnlySpan<byte> rawName, out bool nameEscaped, out bool isExpected)
    {
        byte c = PeekSignificant();
        if (c == (byte)'}')
        {
            if (_last == (byte)',')
            {
                throw Error("a property name after ','");
            }

            _pos++;
            _last = AfterValue;
            rawName = default;
            nameEscaped = false;
            isExpected = false;
            return false;
        }

        if (c == (byte)',')
        {
            if (_last != AfterValue)
            {
                throw Error("a property name");
            }

            _pos++;
            c = PeekSignificant();
        }
        else if (_last != (byte)'{')
        {
            throw Error("',' or '}'");
        }

        if (c != (byte)'"')
        {
            throw Error("a quoted property name");
        }

        int start = _pos + 1;
        int end = start + expected.Length;
        if (!expected.IsEmpty && (uint)end < (uint)_json.Length && _json[end] == (byte)'"'
            && _json.Slice(start, expected.Length).SequenceEqual(expected))
        {
            // The member the caller expected: its name is known, so it needs no scan for the closing quote.
            _pos = end + 1;
            nameEscaped = false;
            isExpected = true;
        }
        else
        {
            nameEscaped = SkipString();
            isExpected = false;
        }

        rawName = _json[start..(_pos - 1)];
        if (PeekSignificant() != (byte)':')
        {
            throw Error("':' after a property name");
        }

        _pos++;
        _last = (byte)':';
        return true;
    }

    /// <summary>
    /// Right after a member's value: when the next bytes are the separator, quoted name and colon of field
    /// <paramref name="index"/> exactly as <paramref name="patterns"/> has them, consumes them and returns true
    /// (the scanner is then at the value); otherwise consumes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadExpectedMember(CbMemberPatterns patterns, int index)
    {
        if (_last != AfterValue)
        {
            return false;
        }

        int length = patterns.Match(_json, _pos, index);
        if (length == 0)
        {
            return false;
        }

        _pos += length;
        _last = (byte)':';
        return true;
    }

    /// <summary>
    /// Right after a member's value: reads the members that follow for as long as each is the one
    /// <paramref name="patterns"/> expects next (field <paramref name="next"/>, then the one after it, …) in the
    /// server's layout, and records each value's position (compact layout, relative to
    /// <paramref name="objectStart"/>) in <paramref name="slots"/>. Stops, having consumed nothing of it, at the first
    /// member it does not take (another name, the end of the object, a value past the compact layout's reach, unusual
    /// spacing, a malformed value), which the general member read then handles.
    /// </summary>
    /// <returns>The field index after the last member read (<paramref name="next"/> when none was).</returns>
    /// <remarks>
    /// The scanner's state lives in locals here, so the whole loop runs in registers: the member-by-member path goes
    /// through the scanner's fields for every step, and profiling had that at a third of indexing a page.
    /// </remarks>
    internal int ReadExpectedMembers(CbMemberPatterns patterns, int next, Span<uint> slots, int objectStart, ref bool duplicates)
    {
        if (_last != AfterValue)
        {
            return next;
        }

        ReadOnlySpan<byte> json = _json;
        int pos = _pos;
        int count = Math.Min(patterns.Count, slots.Length);
        uint seen = 0;
        while (next < count)
        {
            int nameLength = patterns.Match(json, pos, next);
            if (nameLength == 0)
            {
                break;
            }

            int start = pos + nameLength;
            if ((uint)start >= (uint)json.Length || start - objectStart > CbFieldSlot.MaxCompactOffset)
            {
                break;
            }

            int end;
            CbJsonKind kind;
            byte c = json[start];
            if (c == (byte)'"')
            {
                end = IndexOfStringStop(json, start + 1);
                if ((uint)end >= (uint)json.Length)
                {
                    break; // not closed: the general read reports it
                }

                if (json[end] == (byte)'"')
                {
                    kind = CbJsonKind.String;
                }
                else
                {
                    end = EndOfDecodedString(json, end);
                    if (end < 0)
                    {
                        break;
                    }

                    kind = CbJsonKind.EscapedString;
                }

                end++;
            }
            else if ((uint)(c - '0') <= 9 || c == (byte)'-')
            {
                end = start + NumberLength(json[start..]);
                kind = CbJsonKind.Number;
            }
            else if (c == (byte)'t' && json[start..].StartsWith("true"u8))
            {
                end = start + 4;
                kind = CbJsonKind.True;
            }
            else if (c == (byte)'f' && json[start..].StartsWith("false"u8))
            {
                end = start + 5;
                kind = CbJsonKind.False;
            }
            else if (c == (byte)'n' && json[start..].StartsWith("null"u8))
            {
                end = start + 4;
                kind = CbJsonKind.Null;
            }
            else if (c is (byte)'{' or (byte)'[')
            {
                _pos = start;
                SkipContainer();
                end = _pos;
                kind = c == (byte)'{' ? CbJsonKind.Object : CbJsonKind.Array;
            }
            else
            {
                break;
            }

            seen |= slots[next];
            slots[next] = CbFieldSlot.Pack(start - objectStart, end - start, kind);
            pos = end;
            next++;
        }

        duplicates |= seen != 0;
        _pos = pos;
        return next;
    }

    // From the first backslash or non-ASCII byte of a string (at stop): the index of its closing quote, or -1.
    private static int EndOfDecodedString(ReadOnlySpan<byte> json, int stop)
    {
        int pos = stop;
        while (pos >= 0)
        {
            byte c = json[pos];
            if (c == (byte)'"')
            {
                return pos;
            }

            pos = IndexOfQuoteOrBackslash(json, pos + (c == (byte)'\\' ? 2 : 1));
        }

        return -1;
    }

    /// <summary>Inside an array: moves to the next element, or consumes the closing <c>]</c>.</summary>
    /// <returns>False at the end of the array.</returns>
    public bool TryReadNextElement()
    {
        byte c = PeekSignificant();
        if (c == (byte)']')
        {
            if (_last == (byte)',')
            {
                throw Error("a value after ','");
            }

            _pos++;
            _last = AfterValue;
            return false;
        }

        if (c == (byte)',')
        {
            if (_last != AfterValue)
            {
                throw Error("a value");
            }

            _pos++;
            _last = (byte)',';
            return true;
        }

        if (_last != (byte)'[')
        {
            throw Error("',' or ']'");
        }

        return true;
    }

    /// <summary>Reads one whole value (a nested object or array is skipped in one step) and says where it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CbJsonValue ReadValue()
    {
        byte c = PeekSignificant();
        int start = _pos;
        CbJsonKind kind;
        switch (c)
        {
            case (byte)'"':
                kind = SkipString() ? CbJsonKind.EscapedString : CbJsonKind.String;
                break;
            case (byte)'{':
            case (byte)'[':
                kind = c == (byte)'{' ? CbJsonKind.Object : CbJsonKind.Array;
                SkipContainer();
                break;
            case (byte)'t':
                ExpectLiteral("true"u8);
                kind = CbJsonKind.True;
                break;
            case (byte)'f':
                ExpectLiteral("false"u8);
                kind = CbJsonKind.False;
                break;
            case (byte)'n':
                ExpectLiteral("null"u8);
                kind = CbJsonKind.Null;
                break;
            default:
                int length = NumberLength(_json[_pos..]);

                if (length == 0)
                {
                    throw Error("a JSON value");
                }

                _pos += length;
                kind = CbJsonKind.Number;
                break;
        }

        _last = AfterValue;
        return new CbJsonValue(start, _pos - start, kind);
    }

    /// <summary>The length of the token of <paramref name="kind"/> that starts <paramref name="json"/> (already scanned once).</summary>
    public static int MeasureToken(ReadOnlySpan<byte> json, CbJsonKind kind)
    {
        switch (kind)
        {
            case CbJsonKind.String:
                return IndexOfQuoteOrBackslash(json, 1) + 1; // scanned once already: no escape inside
            case CbJsonKind.EscapedString:
                int pos = 1;
                while (true)
                {
                    pos = IndexOfQuoteOrBackslash(json, pos);
                    if (json[pos] == (byte)'"')
                    {
                        return pos + 1;
                    }

                    pos += 2;
                }

            case CbJsonKind.Number:
                return NumberLength(json);
            case CbJsonKind.True:
            case CbJsonKind.Null:
                return 4;
            case CbJsonKind.False:
                return 5;
            case CbJsonKind.Object:
            case CbJsonKind.Array:
                var scanner = new CbJsonScanner(json);
                scanner.SkipContainer();
                return scanner._pos;
            default:
                return 0;
        }
    }

    /// <summary>Checks that nothing but whitespace follows the value just read.</summary>
    public void ReadEndOfDocument()
    {
        SkipWhitespace();
        if (_pos != _json.Length)
        {
            throw Error("the end of the document");
        }
    }

    private void ReadOpen(byte open)
    {
        if (PeekSignificant() != open)
        {
            throw Error(open == (byte)'{' ? "'{'" : "'['");
        }

        _pos++;
        _last = open;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte PeekSignificant()
    {
        if ((uint)_pos < (uint)_json.Length)
        {
            byte c = _json[_pos];
            if (c > (byte)' ')
            {
                return c;
            }

            // Python's json.dumps (the Cb server) puts one space after every ',' and ':'.
            if (c == (byte)' ' && (uint)(_pos + 1) < (uint)_json.Length && _json[_pos + 1] > (byte)' ')
            {
                return _json[++_pos];
            }
        }

        SkipWhitespace();
        if (_pos >= _json.Length)
        {
            throw new CbJsonException("The JSON document ends too early.", _pos);
        }

        return _json[_pos];
    }

    private void SkipWhitespace()
    {
        while ((uint)_pos < (uint)_json.Length)
        {
            byte c = _json[_pos];
            if (c != (byte)' ' && c != (byte)'\n' && c != (byte)'\r' && c != (byte)'\t')
            {
                return;
            }

            _pos++;
        }
    }

    /// <summary>
    /// At an opening quote: moves past the closing quote. Returns true when the string needs decoding (it has a
    /// backslash escape or a non-ASCII byte); false means its bytes are its characters, one each.
    /// </summary>
    private bool SkipString()
    {
        int pos = IndexOfStringStop(_json, _pos + 1);
        if ((uint)pos < (uint)_json.Length && _json[pos] == (byte)'"')
        {
            _pos = pos + 1;
            return false; // the common case: plain ASCII
        }

        // An escape or a non-ASCII byte: from here on only quotes and backslashes matter.
        int end = pos < 0 ? -1 : EndOfDecodedString(_json, pos);
        if (end < 0)
        {
            throw new CbJsonException("A JSON string is not closed.", _pos);
        }

        _pos = end + 1;
        return true;
    }

    /// <summary>At <c>{</c> or <c>[</c>: moves past the matching close, stepping over strings.</summary>
    private void SkipContainer()
    {
        int start = _pos;
        int depth = 0;
        while (true)
        {
            int index = _pos < _json.Length ? _json[_pos..].IndexOfAny(ContainerStops) : -1;
            if (index < 0)
            {
                throw new CbJsonException("A JSON object or array is not closed.", start);
            }

            _pos += index;
            switch (_json[_pos])
            {
                case (byte)'"':
                    SkipString();
                    continue;
                case (byte)'{':
                case (byte)'[':
                    depth++;
                    break;
                default:
                    depth--;
                    break;
            }

            _pos++;
            if (depth == 0)
            {
                return;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NumberLength(ReadOnlySpan<byte> json)
    {
        int length = 0;
        while ((uint)length < (uint)json.Length && IsNumberByte(json[length]))
        {
            length++;
        }

        return length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNumberByte(byte c) =>
        (uint)(c - '0') <= 9 || c == (byte)'-' || c == (byte)'.' || c == (byte)'e' || c == (byte)'E' || c == (byte)'+';

    /// <summary>The index of the first <c>"</c> or <c>\</c> at or after <paramref name="position"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int IndexOfQuoteOrBackslash(ReadOnlySpan<byte> json, int position)
    {
        ref byte origin = ref MemoryMarshal.GetReference(json);
        int length = json.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            while (position <= length - Vector256<byte>.Count)
            {
                Vector256<byte> block = Vector256.LoadUnsafe(ref origin, (nuint)position);
                uint hits = (Vector256.Equals(block, Vector256.Create((byte)'"')) | Vector256.Equals(block, Vector256.Create((byte)'\\')))
                    .ExtractMostSignificantBits();
                if (hits != 0)
                {
                    return position + BitOperations.TrailingZeroCount(hits);
                }

                position += Vector256<byte>.Count;
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            while (position <= length - Vector128<byte>.Count)
            {
                Vector128<byte> block = Vector128.LoadUnsafe(ref origin, (nuint)position);
                uint hits = (Vector128.Equals(block, Vector128.Create((byte)'"')) | Vector128.Equals(block, Vector128.Create((byte)'\\')))
                    .ExtractMostSignificantBits();
                if (hits != 0)
                {
                    return position + BitOperations.TrailingZeroCount(hits);
                }

                position += Vector128<byte>.Count;
            }
        }

        for (; (uint)position < (uint)length; position++)
        {
            byte c = json[position];
            if (c == (byte)'"' || c == (byte)'\\')
            {
                return position;
            }
        }

        return -1;
    }

    /// <summary>
    /// The index of the first <c>"</c>, <c>\</c> or non-ASCII byte at or after <paramref name="position"/>, or -1: one
    /// pass both finds a string's end and tells whether its bytes can be widened to text as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int IndexOfStringStop(ReadOnlySpan<byte> json, int position)
    {
        ref byte origin = ref MemoryMarshal.GetReference(json);
        int length = json.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            while (position <= length - Vector256<byte>.Count)
            {
                Vector256<byte> block = Vector256.LoadUnsafe(ref origin, (nuint)position);
                // The compares give 0xFF or 0x00 per byte; OR-ing the block itself adds each non-ASCII byte's high bit.
                uint hits = (Vector256.Equals(block, Vector256.Create((byte)'"')) | Vector256.Equals(block, Vector256.Create((byte)'\\')) | block)
                    .ExtractMostSignificantBits();
                if (hits != 0)
                {
                    return position + BitOperations.TrailingZeroCount(hits);
                }

                position += Vector256<byte>.Count;
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            while (position <= length - Vector128<byte>.Count)
            {
                Vector128<byte> block = Vector128.LoadUnsafe(ref origin, (nuint)position);
                uint hits = (Vector128.Equals(block, Vector128.Create((byte)'"')) | Vector128.Equals(block, Vector128.Create((byte)'\\')) | block)
                    .ExtractMostSignificantBits();
                if (hits != 0)
                {
                    return position + BitOperations.TrailingZeroCount(hits);
                }

                position += Vector128<byte>.Count;
            }
        }

        for (; (uint)position < (uint)length; position++)
        {
            byte c = json[position];
            if (c == (byte)'"' || c == (byte)'\\' || c >= 0x80)
            {
                return position;
            }
        }

        return -1;
    }

    private void ExpectLiteral(ReadOnlySpan<byte> literal)
    {
        if (!_json[_pos..].StartsWith(literal))
        {
            throw Error("true, false or null");
        }

        _pos += literal.Length;
    }

    private readonly CbJsonException Error(string expected) =>
        new($"Malformed JSON: expected {expected} at byte {_pos}.", _pos);
}
