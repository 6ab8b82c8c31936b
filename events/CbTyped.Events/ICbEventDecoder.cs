namespace CbTyped.Events;

/// <summary>Turns bus messages into typed events. The consumer and every other source (files, HTTP) use one.</summary>
public interface ICbEventDecoder
{
    /// <summary>
    /// Decodes one message. A zip bundle yields one event per message inside, so the result is a list; an unknown
    /// routing key or content type yields a <see cref="CbUnknownEvent"/>. A body that does not decode throws
    /// <see cref="CbEventDecodeException"/>.
    /// </summary>
    IReadOnlyList<CbBusEvent> Decode(CbBusMessage message);
}
