using Microsoft.Extensions.Logging;

namespace CbTyped.Events.Sources;

/// <summary>The file source's log lines: always the file and the line number, never the line itself.</summary>
internal static partial class FileSourceLog
{
    [LoggerMessage(101, LogLevel.Warning, "Event file {Path}, line {Line}: skipped ({Reason})")]
    public static partial void BadLine(ILogger logger, string path, long line, string reason);

    [LoggerMessage(102, LogLevel.Information, "Event file {Path}: {What}; reading the new file from its beginning")]
    public static partial void Rotated(ILogger logger, string path, string what);

    [LoggerMessage(103, LogLevel.Error, "Event file {Path}, line {Line}: handler for '{RoutingKey}' threw; the line is skipped")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string path, long line, string routingKey);

    [LoggerMessage(104, LogLevel.Debug, "Event file {Path}, line {Line}: no handler for '{RoutingKey}' ({EventType})")]
    public static partial void Unhandled(ILogger logger, string path, long line, string routingKey, string eventType);

    [LoggerMessage(105, LogLevel.Information, "Event file {Path}: following from the {Start} (line {Line})")]
    public static partial void Following(ILogger logger, string path, string start, long line);

    [LoggerMessage(106, LogLevel.Information, "Event file {Path} does not exist yet; waiting for it")]
    public static partial void Waiting(ILogger logger, string path);
}
