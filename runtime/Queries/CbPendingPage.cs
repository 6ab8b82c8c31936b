namespace CbTyped;

/// <summary>
/// One page request in flight: where it starts, how many rows it asked for, and its own cancellation (linked to the
/// enumeration's), so a page the pager no longer wants can be cancelled without touching the others.
/// </summary>
internal sealed class CbPendingPage<TRow> : IDisposable
{
    private readonly CancellationTokenSource _cancel;

    private CbPendingPage(long start, int rows, CancellationTokenSource cancel, Task<(IReadOnlyList<TRow> Rows, long? Total)> task)
    {
        Start = start;
        Rows = rows;
        _cancel = cancel;
        Task = task;
    }

    public long Start { get; }

    /// <summary>The <c>rows</c> asked for.</summary>
    public int Rows { get; }

    public Task<(IReadOnlyList<TRow> Rows, long? Total)> Task { get; }

    public static CbPendingPage<TRow> Begin(CbPageFetcher<TRow> fetch, long start, int rows, CancellationToken cancellationToken)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return new CbPendingPage<TRow>(start, rows, cancel, fetch(start, rows, cancel.Token));
    }

    public void Cancel() => _cancel.Cancel();

    /// <summary>Waits for the request to end however it ends, and marks a failure as observed (the page is dropped).</summary>
    public async Task ObserveAsync()
    {
        await ((Task)Task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _ = Task.Exception;
    }

    public void Dispose() => _cancel.Dispose();
}
