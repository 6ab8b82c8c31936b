namespace CbTyped.Response;

/// <summary>A registry modification.</summary>
public sealed record RegModEvent : ProcessEvent
{
    /// <summary>What happened.</summary>
    public RegModType Type { get; init; }

    /// <summary>The key or value path.</summary>
    public string? Path { get; init; }

    /// <inheritdoc />
    public override string EventType => "regmod";
}
