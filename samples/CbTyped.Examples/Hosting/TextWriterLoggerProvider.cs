using Microsoft.Extensions.Logging;

namespace CbTyped.Examples;

/// <summary>
/// Writes the SDK's log lines bare (no level or category prefix), so <c>--verbose</c> shows them exactly as the
/// document shows cbapi's: <c>HTTP GET /api/v1/sensor/3 took 0.037s (response 200)</c>. The console logger would
/// prefix every line, hence this small provider.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (output)
                output.WriteLine(formatter(state, exception));
        }
    }
}
