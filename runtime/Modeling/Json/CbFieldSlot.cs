namespace CbTyped.Modeling.Json;

/// <summary>
/// Packs where a known field's value starts inside a row's raw UTF-8 into one <see cref="uint"/>: bits 0–27 the
/// offset (rows up to 256 MiB), bits 28–31 the <see cref="CbJsonKind"/>. The token's length is measured again when
/// the value is decoded (<see cref="CbJsonScanner.MeasureToken"/>), which costs a vectorised scan of bytes that are
/// about to be read anyway.
/// </summary>
/// <remarks>Four bytes per field keep the per-row index small enough to live inline in the model object (an
/// <c>[InlineArray]</c> the generator emits): indexing a row allocates nothing, and a row object stays smaller than the
/// equivalent System.Text.Json POCO.</remarks>
public static class CbFieldSlot
{
    private const int KindShift = 28;
    private const uint OffsetMask = (1U << KindShift) - 1;

    /// <summary>The largest offset of a value within its row.</summary>
    public const int MaxOffset = (int)OffsetMask;

    /// <summary>Packs a value's position, relative to the start of its row.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static uint Pack(int offset, CbJsonKind kind)
    {
        if ((uint)offset > OffsetMask)
        {
            ThrowTooLarge(offset);
        }

        return (uint)offset | ((uint)kind << KindShift);
    }

    private static void ThrowTooLarge(int offset) =>
        throw new CbJsonException($"A JSON object larger than {MaxOffset} bytes cannot be indexed.", offset);

    /// <summary>The value's offset within its row.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Offset(uint slot) => (int)(slot & OffsetMask);

    /// <summary>The value's kind; <see cref="CbJsonKind.None"/> when the field was absent.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static CbJsonKind Kind(uint slot) => (CbJsonKind)(slot >> KindShift);
}
