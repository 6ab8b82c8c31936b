using Microsoft.Extensions.Logging;

namespace CbTyped.Events.Consumer;

/// <summary>The consumer's log lines (compile-time generated, no boxing). Never the password, never a body.</summary>
internal static partial class ConsumerLog
{
    [LoggerMessage(1, LogLevel.Information, "Event bus: connected to {Host}:{Port} vhost '{VirtualHost}', queue '{Queue}' bound to {Bindings} on '{Exchange}'")]
    public static partial void Connected(ILogger logger, string host, int port, string virtualHost, string queue, string bindings, string exchange);

    [LoggerMessage(2, LogLevel.Warning, "Event bus: cannot connect to {Host}:{Port} ({Reason}); retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Error, "Event bus: '{RoutingKey}' delivery {DeliveryTag} does not decode ({Reason}); {Outcome}")]
    public static partial void DecodeFailed(ILogger logger, string routingKey, ulong deliveryTag, string reason, string outcome);

    [LoggerMessage(4, LogLevel.Error, "Event bus: handler for '{RoutingKey}' delivery {DeliveryTag} (redelivered: {Redelivered}) threw; {Outcome}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string routingKey, ulong deliveryTag, bool redelivered, string outcome);

    [LoggerMessage(5, LogLevel.Debug, "Event bus: no handler for '{RoutingKey}' delivery {DeliveryTag} ({EventType}); acknowledged")]
    public static partial void Unhandled(ILogger logger, string routingKey, ulong deliveryTag, string eventType);

    [LoggerMessage(6, LogLevel.Warning, "Event bus: connection lost ({Reason}); the client reconnects and recovers the queue and bindings")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(7, LogLevel.Information, "Event bus: connection recovered")]
    public static partial void ConnectionRecovered(ILogger logger);

    [LoggerMessage(8, LogLevel.Warning, "Event bus: could not settle '{RoutingKey}' delivery {DeliveryTag} ({Reason}); the broker redelivers it")]
    public static partial void SettleFailed(ILogger logger, string routingKey, ulong deliveryTag, string reason);

    [LoggerMessage(9, LogLevel.Warning, "Event bus: '{RoutingKey}' delivery {DeliveryTag} ({ContentType}) is not an event the decoder knows; passed on undecoded")]
    public static partial void NotKnown(ILogger logger, string routingKey, ulong deliveryTag, string contentType);
}
