using Microsoft.Extensions.Logging;

namespace CbTyped.Cli.Infrastructure;

/// <summary>
/// <c>--verbose</c>: every SDK log line (category <c>CbTyped</c>: each HTTP request with its status and time, retries,
/// redirects) as <c>cbtyped: debug: …</c> on standard error. The SDK never logs a header; the token is also replaced
/// by <c>***</c> should any line (a logged request body) carry it.
/// </summary>
internal sealed class ErrorStreamLoggerFactory(TextWriter error, string? token) : ILoggerFactory, ILogger
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("cbtyped writes its own log lines.");

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
            return;
        var line = formatter(state, exception).ReplaceLineEndings(" ");
        if (!string.IsNullOrEmpty(token))
            line = line.Replace(token, "***", StringComparison.Ordinal);
        var level = logLevel switch
        {
            LogLevel.Trace or LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warning",
            _ => "error",
        };
        lock (_gate)
            error.WriteLine("cbtyped: " + level + ": " + line);
    }

    public void Dispose()
    {
    }
}
