using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace CbTyped;

/// <summary>Fetches rows <c>start</c> … <c>start + rows − 1</c> of a result set, with the server's total when it sent one.</summary>
internal delegate Task<(IReadOnlyList<TRow> Rows, long? Total)> CbPageFetcher<TRow>(long start, int rows, CancellationToken cancellationToken);

/// <summary>
/// Lazy start/rows paging with bounded memory: at most two pages are held (the one being consumed and the next one,
/// which is requested as soon as the current page arrives, so the network and the consumer overlap). Stops when enough
/// rows were read, at <c>total_results</c>, or at an empty page (cbapi's total correction, logged).
/// </summary>
internal static class CbPager
{
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(
        CbPageFetcher<TRow> fetch, long start, long? take, int pageSize, ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (take <= 0)
            yield break;
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        using var prefetchCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remaining = take;
        var position = start;
        Task<(IReadOnlyList<TRow> Rows, long? Total)>? pending = fetch(position, RowsFor(remaining, pageSize), prefetchCancel.Token);
        try
        {
            while (pending is not null)
            {
                var page = await pending.ConfigureAwait(false);
                pending = null;
                var received = page.Rows.Count;
                var usable = remaining is { } r ? (int)Math.Min(r, received) : received;
                position += received;
                remaining -= usable;

                if (received == 0 && page.Total is { } claimed && claimed > position)
                {
                    CbLog.TotalOverestimated(logger, claimed - position);
                    CbLog.TotalReset(logger, position);
                }
                var more = received > 0 && remaining is not <= 0 && (page.Total is not { } total || position < total);
                if (more)
                    pending = fetch(position, RowsFor(remaining, pageSize), prefetchCancel.Token);

                for (var i = 0; i < usable; i++)
                    yield return page.Rows[i];
            }
        }
        finally
        {
            if (pending is not null)
            {
                // The consumer stopped early: cancel the prefetch and observe it so nothing leaks or goes unobserved.
                await prefetchCancel.CancelAsync().ConfigureAwait(false);
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or CbApiException)
                {
                }
            }
        }
    }

    private static int RowsFor(long? remaining, int pageSize) =>
        remaining is { } r && r < pageSize ? (int)r : pageSize;
}
