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

    /// <summary>
    /// The event's routing key: the message's, except for a record of a raw bundle (whose message has the empty key
    /// of the fanout <c>api.rawsensordata</c>), which has the key the server publishes its kind under on
    /// <c>api.events</c> (<c>ingress.event.filemod</c>, ...). Handler patterns match this key.
    /// </summary>
    public virtual string RoutingKey => Message.RoutingKey;
}
