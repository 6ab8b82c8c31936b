namespace CbTyped.Emulator.Data;

/// <summary>
/// One segment of a process: its id (epoch ms on 6.x) and the events it holds, those with a time after
/// <see cref="After"/> (null: from the start) up to and including <see cref="Through"/> (null: to the end).
/// </summary>
internal sealed record ProcessSegment(long Id, DateTime? After, DateTime? Through)
{
    /// <summary>True when an event at <paramref name="time"/> belongs to this segment.</summary>
    public bool Holds(DateTime time) => (After is not { } after || time > after) && (Through is not { } through || time <= through);
}
