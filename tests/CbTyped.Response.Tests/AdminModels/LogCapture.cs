using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Collects the client's log lines (e.g. <c>Sending HTTP POST … with {…}</c>) so tests can check request bodies.</summary>
public sealed class LogCapture : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Every line so far, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>The body of the last <c>Sending HTTP {method} {path} with …</c> line.</summary>
    public string LastBody(string method, string path)
    {
        var prefix = $"Sending HTTP {method} {path} with ";
        var line = Lines.LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No '{prefix}' line was logged. Lines:\n{string.Join('\n', Lines)}");
        return line[prefix.Length..];
    }

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
