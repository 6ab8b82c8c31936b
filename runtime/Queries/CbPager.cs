using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace CbTyped;

/// <summary>
/// Lazy start/rows paging with up to <c>pagesInFlight</c> page requests ahead of the page being read: rows come out in
/// order, at most <c>pagesInFlight + 1</c> pages are held, and the requests overlap each other and the consumer (real
/// servers take 0.1–0.5 s per page, so the wait, not the client, sets the pace). The first page is asked for alone: its
/// <c>total_results</c> says how many more there are, so a small result costs one request.
/// <para>
/// The end is judged on each page as it is read, from that page's own <c>total_results</c>: a request is only ever
/// issued for an offset below the latest total (and the slice), so a result set that shrinks cannot make it ask past
/// the end, and one that grows is read to its new end. A page that comes back empty, or short and at its own total,
/// ends the search; requests already in flight beyond it are cancelled and dropped. A short page whose total says
/// more follows (the server sent fewer rows than asked) re-plans from where it stopped, asking for that many rows at a
/// time, so nothing is skipped. Without any total the pager keeps one page ahead and stops at the first empty page.
/// </para>
/// <para>
/// When the caller stops enumerating, cancels, or a page fails, every outstanding request is cancelled and awaited, so
/// no request outlives the enumeration and no task exception goes unobserved. A failed page throws only once the rows
/// before it were yielded.
/// </para>
/// <para>
/// Pages come out as they are read (<see cref="ReadPagesAsync"/>), each with the offset after its last row and whether
/// it is the last one, so a page-wise consumer can resume there (<see cref="CbQuery{T}.AsPages"/>).
/// </para>
/// </summary>
internal static class CbPager
{
    /// <summary>The rows one by one; a cancelled enumeration stops at the next row, not only at the next page.</summary>
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(
        CbPageFetcher<TRow> fetch, long start, long? take, int pageSize, int pagesInFlight, ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in ReadPagesAsync(fetch, start, take, pageSize, pagesInFlight, logger, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in page.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
            }
        }
    }

    /// <summary>The pages, in order, each holding only the rows that belong to it (an empty last page is possible).</summary>
    public static async IAsyncEnumerable<CbPagerPage<TRow>> ReadPagesAsync<TRow>(
        CbPageFetcher<TRow> fetch, long start, long? take, int pageSize, int pagesInFlight, ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (take <= 0)
            yield break;
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pagesInFlight, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var end = take is { } t ? start + t : long.MaxValue; // the first row past the slice
        var ahead = new Queue<CbPendingPage<TRow>>();
        var next = start;
        var size = pageSize;
        long? total = null;
        try
        {
            Issue();
            while (ahead.TryDequeue(out var pending))
            {
                (IReadOnlyList<TRow> Rows, long? Total) page;
                using (pending)
                    page = await pending.Task.ConfigureAwait(false);
                total = page.Total;
                var received = page.Rows.Count;
                var usable = Math.Min(received, pending.Rows); // rows past what was asked belong to the next page
                var reached = pending.Start + usable;

                if (received == 0)
                {
                    if (total is { } claimed && claimed > pending.Start)
                    {
                        CbLog.TotalOverestimated(logger, claimed - pending.Start);
                        CbLog.TotalReset(logger, pending.Start);
                    }
                    await DiscardAsync(ahead).ConfigureAwait(false);
                }
                else if (usable < pending.Rows && (total is not { } known || reached < known))
                {
                    // Fewer rows than asked, yet more to come: the pages in flight start at the wrong offsets.
                    await DiscardAsync(ahead).ConfigureAwait(false);
                    next = reached;
                    size = usable;
                }
                else if (total is { } known2 && reached >= known2)
                {
                    await DiscardAsync(ahead).ConfigureAwait(false);
                }

                if (received > 0)
                {
                    var window = total is null ? 1 : pagesInFlight;
                    while (ahead.Count < window && next < end && (total is not { } limit || next < limit))
                        Issue();
                }

                var rows = usable == received ? page.Rows : page.Rows.Take(usable).ToList();
                yield return new CbPagerPage<TRow>(rows, pending.Start, reached, total, IsLast: ahead.Count == 0);
            }
        }
        finally
        {
            await DiscardAsync(ahead).ConfigureAwait(false);
        }

        void Issue()
        {
            var rows = (int)Math.Min(size, end - next);
            ahead.Enqueue(CbPendingPage<TRow>.Begin(fetch, next, rows, stop.Token));
            next += rows;
        }
    }

    /// <summary>Cancels the requests still in flight and waits for them, so none outlives the enumeration.</summary>
    private static async Task DiscardAsync<TRow>(Queue<CbPendingPage<TRow>> ahead)
    {
        foreach (var pending in ahead)
            pending.Cancel();
        while (ahead.TryDequeue(out var pending))
        {
            using (pending)
                await pending.ObserveAsync().ConfigureAwait(false);
        }
    }
}
