namespace CbTyped.Response;

/// <summary>What every process event has: when, its position in the process's event list, and the process.</summary>
public abstract record ProcessEvent
{
    /// <summary>When it happened (the sensor's clock; the server writes no time zone, so it is read as UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The event's position in its list (0-based), as cbapi numbers them.</summary>
    public int Sequence { get; init; }

    /// <summary>The process the event belongs to.</summary>
    public required Process Process { get; init; }

    /// <summary>True when the sensor flagged the event as tampering.</summary>
    public bool IsTampered { get; init; }

    /// <summary>The event kind: modload, filemod, regmod, netconn, childproc, crossproc or processblock.</summary>
    public abstract string EventType { get; }
}
