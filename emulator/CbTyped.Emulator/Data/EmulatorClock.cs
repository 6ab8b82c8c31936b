using System.Diagnostics;

namespace CbTyped.Emulator.Data;

/// <summary>
/// The emulated server's clock: it starts at <see cref="EmulatorState.Epoch"/> (the data set's "now", November 2016)
/// and advances in real time, so relative queries such as <c>start:-24h</c> and new timestamps fit the data.
/// </summary>
internal sealed class EmulatorClock(DateTimeOffset start) : TimeProvider
{
    private readonly long startedAt = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(startedAt);
}
