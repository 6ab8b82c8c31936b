using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace CbTyped.Modeling.Json;

/// <summary>
/// A type's known members as the bytes that stand between one value and the next member's value:
/// <c>, "name": </c> (Python's <c>json.dumps</c>, i.e. the Cb server) and <c>,"name":</c> (compact writers).
/// </summary>
/// <remarks><para>For generated code; applications should not call it, and it may change between versions.</para>
/// Cb sends a type's members in the same order every time, so after field <c>n</c> the reader expects field
/// <c>n + 1</c>. Comparing the whole separator-name-colon run against one precomputed pattern (a masked 32-byte
/// vector compare for names up to 26 bytes) replaces the separate comma, quote, name and colon steps; profiling had
/// those steps at the largest share of indexing a search page. Anything else falls back to the general member read.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbMemberPatterns
{
    private const int VectorLength = 32;

    private readonly Pattern[] _spaced;
    private readonly Pattern[] _compact;

    /// <summary>Builds the patterns for the pre-encoded JSON names of a type's fields, by slot.</summary>
    public CbMemberPatterns(ReadOnlySpan<JsonEncodedText> names)
    {
        _spaced = new Pattern[names.Length];
        _compact = new Pattern[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            ReadOnlySpan<byte> name = names[i].EncodedUtf8Bytes;
            _spaced[i] = new Pattern([.. ", \""u8, .. name, .. "\": "u8]);
            _compact[i] = new Pattern([.. ",\""u8, .. name, .. "\":"u8]);
        }
    }

    /// <summary>The number of fields.</summary>
    public int Count => _spaced.Length;

    /// <summary>
    /// The length of field <paramref name="index"/>'s pattern when <paramref name="json"/> has it at
    /// <paramref name="position"/> (in either layout), else 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Match(ReadOnlySpan<byte> json, int position, int index)
    {
        if (Vector256.IsHardwareAccelerated && position <= json.Length - VectorLength)
        {
            Vector256<byte> block = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(json), (nuint)position);
            ref readonly Pattern spaced = ref _spaced[index];
            if (spaced.FitsVector && ((block ^ spaced.Value) & spaced.Mask) == Vector256<byte>.Zero)
            {
                return spaced.Length;
            }

            ref readonly Pattern compact = ref _compact[index];
            if (compact.FitsVector && ((block ^ compact.Value) & compact.Mask) == Vector256<byte>.Zero)
            {
                return compact.Length;
            }

            if (spaced.FitsVector && compact.FitsVector)
            {
                return 0;
            }
        }

        return MatchBytes(json[position..], index);
    }

    private int MatchBytes(ReadOnlySpan<byte> rest, int index)
    {
        byte[] spaced = _spaced[index].Bytes;
        if (rest.StartsWith(spaced))
        {
            return spaced.Length;
        }

        byte[] compact = _compact[index].Bytes;
        return rest.StartsWith(compact) ? compact.Length : 0;
    }

    private readonly struct Pattern
    {
        public Pattern(byte[] bytes)
        {
            Bytes = bytes;
            Length = bytes.Length;
            FitsVector = bytes.Length <= VectorLength;
            if (FitsVector)
            {
                Span<byte> value = stackalloc byte[VectorLength];
                Span<byte> mask = stackalloc byte[VectorLength];
                bytes.CopyTo(value);
                mask[..bytes.Length].Fill(0xFF);
                Value = Vector256.Create<byte>(value);
                Mask = Vector256.Create<byte>(mask);
            }
        }

        public byte[] Bytes { get; }

        public int Length { get; }

        public bool FitsVector { get; }

        public Vector256<byte> Value { get; }

        public Vector256<byte> Mask { get; }
    }
}
