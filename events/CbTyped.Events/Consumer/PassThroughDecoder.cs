namespace CbTyped.Events.Consumer;

/// <summary>
/// The default decoder until the typed decoders exist: every message becomes a <see cref="CbUnknownEvent"/> holding
/// the undecoded body, so handlers and <see cref="CbEventBusConsumer.ReadAllAsync"/> already see every message.
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
