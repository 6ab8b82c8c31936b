using Microsoft.Extensions.Logging;

namespace CbTyped.Events.Sources;

/// <summary>The HTTP source's log lines: never a body, never the Authorization header.</summary>
internal static partial class HttpSourceLog
{
    [LoggerMessage(201, LogLevel.Information, "Forwarder HTTP source: listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(202, LogLevel.Warning, "Forwarder HTTP source: POST {Post} from {Remote} refused with {Status} ({Reason})")]
    public static partial void Refused(ILogger logger, long post, string remote, int status, string reason);

    [LoggerMessage(203, LogLevel.Warning, "Forwarder HTTP source: POST {Post}, event {Index}: skipped ({Reason})")]
    public static partial void BadEvent(ILogger logger, long post, int index, string reason);

    [LoggerMessage(204, LogLevel.Error, "Forwarder HTTP source: POST {Post}, event {Index}: handler for '{RoutingKey}' threw; answering 500 so the forwarder sends the POST again")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, long post, int index, string routingKey);

    [LoggerMessage(205, LogLevel.Debug, "Forwarder HTTP source: POST {Post}, event {Index}: no handler for '{RoutingKey}' ({EventType})")]
    public static partial void Unhandled(ILogger logger, long post, int index, string routingKey, string eventType);
}
