using System.Collections.Concurrent;

namespace CbTyped.Emulator;

/// <summary>One request the emulator served. <see cref="StatusCode"/> is 0 when the connection was dropped.</summary>
public sealed record RequestLogEntry(string Method, string PathAndQuery, int StatusCode, DateTimeOffset Time, TimeSpan Elapsed)
{
    /// <summary>
    /// The request body as UTF-8 text (what a client PUT or POSTed, so tests can check exactly what was sent), or null
    /// when there was none or it was larger than <see cref="RequestLog.MaxRecordedBodyBytes"/>.
    /// </summary>
    public string? Body { get; init; }

    /// <summary>The path without the query string.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];
}
