namespace CbTyped.Events.Consumer;

/// <summary>
/// A decoder that decodes nothing: every message becomes a <see cref="CbUnknownEvent"/> holding the undecoded body
/// (for code that parses bodies itself, or only forwards them). The default is <see cref="Decoding.CbEventDecoder"/>.
/// </summary>
public sealed class PassThroughDecoder : ICbEventDecoder
{
    /// <summary>The shared instance (the decoder has no state).</summary>
    public static PassThroughDecoder Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<CbBusEvent> Decode(CbBusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [new CbUnknownEvent(message)];
    }
}
