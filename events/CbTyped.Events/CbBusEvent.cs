namespace CbTyped.Events;

/// <summary>
/// A decoded bus event. Typed events derive from it; an event no decoder knows is a <see cref="CbUnknownEvent"/>,
/// never an exception, so one unexpected message cannot stop a consumer.
/// </summary>
public abstract class CbBusEvent
{
    /// <summary>Creates an event read from <paramref name="message"/>.</summary>
    protected CbBusEvent(CbBusMessage message) => Message = message ?? throw new ArgumentNullException(nameof(message));

    /// <summary>The message this event was decoded from.</summary>
    public CbBusMessage Message { get; }

    /// <summary>The message's routing key.</summary>
    public string RoutingKey => Message.RoutingKey;
}
