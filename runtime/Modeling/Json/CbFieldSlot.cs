namespace CbTyped.Modeling.Json;

/// <summary>
/// Packs where a known field's value sits inside a row's raw UTF-8 into one <see cref="ulong"/>:
/// bits 0–31 the offset, 32–59 the token length (≤ 256 MiB), 60–63 the <see cref="CbJsonKind"/>.
/// </summary>
/// <remarks>One word per field keeps the per-row index small enough to live inline in the model object
/// (an <c>[InlineArray]</c> the generator emits), so indexing a row allocates nothing.</remarks>
public static class CbFieldSlot
{
    private const int LengthShift = 32;
    private const int KindShift = 60;
    private const ulong LengthMask = (1UL << 28) - 1;

    /// <summary>The largest value token a slot can describe.</summary>
    public const int MaxLength = (1 << 28) - 1;

    /// <summary>Packs a value's position, relative to the start of its row.</summary>
    public static ulong Pack(int offset, int length, CbJsonKind kind)
    {
        if ((uint)length > MaxLength)
        {
            throw new CbJsonException($"A JSON value of {length} bytes is larger than the {MaxLength} bytes a field can hold.", offset);
        }

        return (uint)offset | ((ulong)(uint)length << LengthShift) | ((ulong)kind << KindShift);
    }

    /// <summary>The value's offset within its row.</summary>
    public static int Offset(ulong slot) => (int)(uint)slot;

    /// <summary>The value token's length.</summary>
    public static int Length(ulong slot) => (int)((slot >> LengthShift) & LengthMask);

    /// <summary>The value's kind; <see cref="CbJsonKind.None"/> when the field was absent.</summary>
    public static CbJsonKind Kind(ulong slot) => (CbJsonKind)(slot >> KindShift);
}
