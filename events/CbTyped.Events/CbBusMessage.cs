namespace CbTyped.Events;

/// <summary>
/// One message as it came off the bus (or out of a file, an HTTP POST or a zip bundle): the routing key and content
/// type that say how to read it, and its body, undecoded. <see cref="ICbEventDecoder"/> turns it into a
/// <see cref="CbBusEvent"/>.
/// </summary>
/// <param name="RoutingKey">The routing key it was published with, for example <c>watchlist.hit.process</c>.</param>
/// <param name="ContentType">The AMQP content type: <c>application/json</c>, <c>application/protobuf</c> or
/// <c>application/zip</c>.</param>
/// <param name="Body">The message body, exactly as published.</param>
public sealed record CbBusMessage(string RoutingKey, string? ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>The broker's delivery tag, when the message came from a broker; 0 otherwise.</summary>
    public ulong DeliveryTag { get; init; }

    /// <summary>True when the broker delivered this message before (at-least-once delivery).</summary>
    public bool Redelivered { get; init; }

    /// <summary>The exchange it was published to, when it came from a broker.</summary>
    public string? Exchange { get; init; }

    /// <summary>
    /// The message's AMQP headers, when it had any. Raw bundles on <c>api.rawsensordata</c> carry the sensor's
    /// identity here (<c>sensorId</c>, <c>sensorHostName</c>, <c>hostId</c>, <c>nodeId</c>), since their records
    /// have none. Values are as RabbitMQ.Client gives them: numbers, or byte arrays for strings.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Headers { get; init; }
}
