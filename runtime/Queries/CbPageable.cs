using System.Collections;
using CbTyped.Modeling;

namespace CbTyped;

/// <summary>
/// A query's results for synchronous code, in the shape of Azure.Core's <c>Pageable&lt;T&gt;</c>: enumerate it for the
/// rows (lazily, page by page, with the query's pages in flight), or call <see cref="AsPages"/> for the pages and their
/// continuation tokens. Returned by <see cref="CbQuery{T}.AsPageable"/>.
/// </summary>
/// <remarks>
/// Each page is awaited on the thread pool while the calling thread waits, as the other synchronous members do: no
/// deadlock on a caller's synchronization context, one blocked thread per page rather than per row. Leaving the
/// <c>foreach</c> early stops the paging and cancels the pages still in flight, as leaving an <c>await foreach</c> does.
/// </remarks>
/// <typeparam name="T">The model of the rows.</typeparam>
public sealed class CbPageable<T> : IEnumerable<T>
    where T : CbModel, ICbModel<T>
{
    private readonly CbQuery<T> _query;
    private readonly CancellationToken _cancellationToken;

    internal CbPageable(CbQuery<T> query, CancellationToken cancellationToken)
    {
        _query = query;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The results page by page: the synchronous <see cref="CbQuery{T}.AsPages"/>, with the same page size rules and
    /// the same continuation tokens (a token from either resumes the other).
    /// </summary>
    /// <param name="pageSize">Rows per page; null: the query's <see cref="CbQuery{T}.PageSize"/> or the client's default.</param>
    /// <param name="continuationToken">A page's token from this same query, or null to start.</param>
    /// <exception cref="ArgumentException">The token is not one, or was made by another query (before any request).</exception>
    public IEnumerable<CbPage<T>> AsPages(int? pageSize = null, string? continuationToken = null)
    {
        // AsPages validates its arguments when called, so a bad token fails here rather than at the first MoveNext.
        var pages = _query.AsPages(pageSize, continuationToken);
        return Blocking(pages, _cancellationToken);
    }

    /// <summary>The rows, in server order, fetched page by page as the enumeration reaches them.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        foreach (var page in AsPages())
        {
            foreach (var row in page.Values)
                yield return row;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IEnumerable<CbPage<T>> Blocking(IAsyncEnumerable<CbPage<T>> pages, CancellationToken cancellationToken)
    {
        var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (CbSync.Run(_ => enumerator.MoveNextAsync().AsTask(), cancellationToken))
                yield return enumerator.Current;
        }
        finally
        {
            CbSync.Run(_ => enumerator.DisposeAsync().AsTask(), CancellationToken.None);
        }
    }
}
