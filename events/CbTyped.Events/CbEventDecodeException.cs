namespace CbTyped.Events;

/// <summary>A message body that does not decode as its routing key and content type say (truncated protobuf, bad
/// JSON, a corrupt zip). Names the routing key, never the body.</summary>
public sealed class CbEventDecodeException : Exception
{
    /// <summary>Creates the exception for <paramref name="message"/>.</summary>
    public CbEventDecodeException(CbBusMessage message, string reason, Exception? innerException = null)
        : base($"Could not decode a '{message?.RoutingKey}' message ({message?.ContentType ?? "no content type"}): {reason}", innerException)
        => BusMessage = message!;

    /// <summary>The message that did not decode.</summary>
    public CbBusMessage BusMessage { get; }
}
