namespace CbTyped.Response.Tests.Infrastructure;

/// <summary>An <see cref="IProgress{T}"/> that keeps every report at once (Progress&lt;T&gt; posts them later, which races an assertion).</summary>
public sealed class CollectingProgress<T> : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_reports)
                return [.. _reports];
        }
    }

    public void Report(T value)
    {
        lock (_reports)
            _reports.Add(value);
    }
}
