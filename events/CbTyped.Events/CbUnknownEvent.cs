namespace CbTyped.Events;

/// <summary>A message no decoder claims (an unknown routing key or content type): kept whole, body undecoded.</summary>
public sealed class CbUnknownEvent : CbBusEvent
{
    /// <summary>Wraps <paramref name="message"/> undecoded.</summary>
    public CbUnknownEvent(CbBusMessage message) : base(message) { }
}
