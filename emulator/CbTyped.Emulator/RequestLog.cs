using System.Collections.Concurrent;

namespace CbTyped.Emulator;

/// <summary>Every request served, in order of completion (cache tests count requests with it). Thread-safe.</summary>
public sealed class RequestLog
{
    /// <summary>Bodies up to this size are recorded in <see cref="RequestLogEntry.Body"/> (larger ones are not kept).</summary>
    public const int MaxRecordedBodyBytes = 64 * 1024;

    private readonly ConcurrentQueue<RequestLogEntry> entries = new();

    /// <summary>A snapshot of the requests logged so far, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Entries => [.. entries];

    /// <summary>How many requests were logged.</summary>
    public int Count => entries.Count;

    /// <summary>How many requests had exactly this method and a path starting with <paramref name="pathPrefix"/>.</summary>
    public int CountOf(string method, string pathPrefix) =>
        entries.Count(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)
            && e.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Forgets every logged request (a test's later counts start from zero).</summary>
    public void Clear() => entries.Clear();

    internal void Add(RequestLogEntry entry) => entries.Enqueue(entry);
}
