using Microsoft.Extensions.Logging;

namespace CbTyped.Cli.Infrastructure;

/// <summary>
/// The SDK's warnings as <c>cbtyped: warning: …</c> lines on standard error, always (the CLI has no log level to
/// raise): e.g. a credentials file that group or others can read. Nothing below Warning.
/// </summary>
internal sealed class WarningLogger(TextWriter error) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
            error.WriteLine("cbtyped: warning: " + formatter(state, exception));
    }
}
