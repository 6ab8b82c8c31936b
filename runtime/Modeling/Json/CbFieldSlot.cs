using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace CbTyped.Modeling.Json;

/// <summary>
/// Packs where a known field's value sits inside an object's raw UTF-8 into one <see cref="uint"/>, in one of two
/// layouts chosen per object:
/// <list type="bullet">
/// <item>compact (objects whose values all start in their first MiB, i.e. every Cb row): bits 0–19 the offset,
/// bits 20–27 the token's length (255 meaning "longer: measure it again"), bits 28–31 the <see cref="CbJsonKind"/>;</item>
/// <item>wide (larger objects, such as a process's event lists): bits 0–27 the offset (up to 256 MiB), bits 28–31 the
/// kind; the length is measured again when the value is decoded.</item>
/// </list>
/// </summary>
/// <remarks><para>For generated code; applications should not call it, and it may change between versions.</para>
/// Four bytes per field keep the per-row index small enough to live inline in the model object (an
/// <c>[InlineArray]</c> the generator emits): indexing a row allocates nothing, and a row object stays smaller than the
/// equivalent System.Text.Json POCO. Keeping the length of short tokens spares a second scan of the value when a
/// property decodes it (profiling showed that re-measuring cost about 6% of reading every field of a page).</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CbFieldSlot
{
    private const int KindShift = 28;
    private const int LengthShift = 20;
    private const uint WideOffsetMask = (1U << KindShift) - 1;
    private const uint CompactOffsetMask = (1U << LengthShift) - 1;
    private const uint UnknownLength = 0xFF;

    /// <summary>The largest offset of a value within its object.</summary>
    public const int MaxOffset = (int)WideOffsetMask;

    /// <summary>The largest offset the compact layout holds; an object with a value further in uses the wide layout.</summary>
    public const int MaxCompactOffset = (int)CompactOffsetMask;

    /// <summary>Packs a value's position and length (compact layout); <paramref name="offset"/> is at most <see cref="MaxCompactOffset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pack(int offset, int length, CbJsonKind kind)
    {
        uint storedLength = (uint)length < UnknownLength ? (uint)length : UnknownLength;
        return (uint)offset | (storedLength << LengthShift) | ((uint)kind << KindShift);
    }

    /// <summary>Packs a value's position (wide layout), relative to the start of its object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint PackWide(int offset, CbJsonKind kind)
    {
        if ((uint)offset > WideOffsetMask)
        {
            ThrowTooLarge(offset);
        }

        return (uint)offset | ((uint)kind << KindShift);
    }

    /// <summary>The same position in the wide layout (the length is dropped).</summary>
    public static uint ToWide(uint compactSlot) =>
        compactSlot == 0 ? 0 : (compactSlot & CompactOffsetMask) | (compactSlot & ~WideOffsetMask);

    /// <summary>The value's offset within its object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Offset(uint slot, bool wide) => (int)(slot & (wide ? WideOffsetMask : CompactOffsetMask));

    /// <summary>The token's length, or -1 when it was not stored (the wide layout, or a long token).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(uint slot, bool wide)
    {
        uint length = (slot >> LengthShift) & UnknownLength;
        return wide || length == UnknownLength ? -1 : (int)length;
    }

    /// <summary>The value's kind; <see cref="CbJsonKind.None"/> when the field was absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CbJsonKind Kind(uint slot) => (CbJsonKind)(slot >> KindShift);

    private static void ThrowTooLarge(int offset) =>
        throw new CbJsonException($"A JSON object larger than {MaxOffset} bytes cannot be indexed.", offset);
}
