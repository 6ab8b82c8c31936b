namespace CbTyped.Response;

/// <summary>A process the sensor blocked (banning).</summary>
public sealed record ProcessBlockEvent : ProcessEvent
{
    /// <summary>The block type.</summary>
    public string? BlockType { get; init; }

    /// <summary>The block event.</summary>
    public string? BlockEvent { get; init; }

    /// <summary>The block result.</summary>
    public string? BlockResult { get; init; }

    /// <summary>The block error.</summary>
    public string? BlockError { get; init; }

    /// <summary>The blocked binary's MD5.</summary>
    public string? BlockedMd5 { get; init; }

    /// <summary>The blocked path.</summary>
    public string? BlockedPath { get; init; }

    /// <summary>The blocked command line.</summary>
    public string? BlockedCommandLine { get; init; }

    /// <summary>The blocked user id.</summary>
    public string? BlockedUid { get; init; }

    /// <summary>The blocked user name.</summary>
    public string? BlockedUserName { get; init; }

    /// <inheritdoc />
    public override string EventType => "processblock";
}
