using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Watchlist
{
    /// <summary>
    /// The processes this watchlist matches: its stored query run as a process search. cbapi's <c>search()</c>
    /// dropped the stored query for an unexpected index type and returned every process; here a watchlist over
    /// another index is an error.
    /// </summary>
    /// <exception cref="CbInvalidObjectException">The watchlist's index type is not <c>events</c>.</exception>
    public ICbQuery<Process> SearchProcesses()
    {
        RequireIndex(WatchlistIndexType.Events, "SearchBinaries");
        return ApplyStoredQuery(RequireClient().Select<Process>());
    }

    /// <summary>The binaries this watchlist matches (a watchlist over <c>modules</c>).</summary>
    /// <exception cref="CbInvalidObjectException">The watchlist's index type is not <c>modules</c>.</exception>
    public ICbQuery<Binary> SearchBinaries()
    {
        RequireIndex(WatchlistIndexType.Modules, "SearchProcesses");
        return ApplyStoredQuery(RequireClient().Select<Binary>());
    }

    /// <summary>How many processes or binaries (by index type) the watchlist matches now: one <c>rows=0</c> request.</summary>
    /// <exception cref="CbInvalidObjectException">The index type is neither <c>events</c> nor <c>modules</c>.</exception>
    public Task<long> CountHitsAsync(CancellationToken cancellationToken = default) => IndexType switch
    {
        WatchlistIndexType.Events => SearchProcesses().CountAsync(cancellationToken),
        WatchlistIndexType.Modules => SearchBinaries().CountAsync(cancellationToken),
        _ => throw InvalidIndex(),
    };

    /// <summary>
    /// The stored query's terms on a fresh query: every <c>q</c> value, then each <c>cb.q.&lt;field&gt;=value</c> as a
    /// <c>field:value</c> term (the server ANDs them the same way). The runtime adds paging and the default sort.
    /// </summary>
    private ICbQuery<T> ApplyStoredQuery<T>(ICbQuery<T> query)
        where T : CbModel, ICbModel<T>
    {
        var text = Query;
        return string.IsNullOrWhiteSpace(text) ? query : query.Where(text);
    }

    private void RequireIndex(WatchlistIndexType expected, string other)
    {
        if (IndexType == expected)
            return;
        if (IndexType is WatchlistIndexType.Events or WatchlistIndexType.Modules)
            throw new CbInvalidObjectException($"Watchlist {Id} searches {GetFieldText("index_type")}; use {other}().");
        throw InvalidIndex();
    }

    private CbInvalidObjectException InvalidIndex() =>
        new($"index_type of {GetFieldText("index_type") ?? "(none)"} is invalid: a watchlist searches events (processes) or modules (binaries).");
}
