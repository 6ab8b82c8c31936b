using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Watchlist
{
    /// <summary>
    /// The processes this watchlist matches: its whole stored <c>search_query</c> run as a process search — the
    /// query text, <c>cb.q.*</c> terms, the sort and every other parameter such as <c>cb.fq.*</c> filters. cbapi's
    /// <c>search()</c> dropped the stored query for an unexpected index type and returned every process; here a
    /// watchlist over another index is an error.
    /// </summary>
    /// <exception cref="CbInvalidObjectException">The watchlist's index type is not <c>events</c>.</exception>
    public CbQuery<Process> SearchProcesses()
    {
        RequireIndex(WatchlistIndexType.Events, "SearchBinaries");
        return ApplyStoredQuery(RequireClient().Select<Process>());
    }

    /// <summary>The binaries this watchlist matches (a watchlist over <c>modules</c>), with its whole stored query.</summary>
    /// <exception cref="CbInvalidObjectException">The watchlist's index type is not <c>modules</c>.</exception>
    public CbQuery<Binary> SearchBinaries()
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

    /// <summary>The stored query on a fresh query (see <see cref="StoredQueryString"/>).</summary>
    private CbQuery<T> ApplyStoredQuery<T>(CbQuery<T> query)
        where T : CbModel, ICbModel<T> => StoredQueryString.Apply(query, SearchQuery);

    private void RequireIndex(WatchlistIndexType expected, string other)
    {
        if (IndexType == expected)
            return;
        if (IndexType is WatchlistIndexType.Events or WatchlistIndexType.Modules)
            throw new CbInvalidObjectException($"Watchlist {Id} searches {IndexTypeText}; use {other}().");
        throw InvalidIndex();
    }

    private CbInvalidObjectException InvalidIndex() =>
        new($"index_type of {IndexTypeText} is invalid: a watchlist searches events (processes) or modules (binaries).");

    /// <summary>The index type as the server sent it, also when it is none the enum knows.</summary>
    private string IndexTypeText => GetFieldText("index_type") ?? GetRawValue("index_type")?.Trim('"') ?? "(none)";
}
