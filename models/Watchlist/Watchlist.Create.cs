namespace CbTyped.Response;

public partial class Watchlist
{
    /// <summary>
    /// Creates (POSTs) a watchlist over processes matching <paramref name="queryText"/>, the way cbapi's
    /// <c>query.create_watchlist(name)</c> does: <c>index_type</c> <c>events</c> and a <c>search_query</c> of
    /// <c>facet=false&amp;q=…&amp;cb.urlver=1&amp;sort=last_update+desc</c>. The server answers only
    /// <c>{"id": n}</c>, so the client refreshes the new watchlist before returning it.
    /// </summary>
    public static Task<Watchlist> CreateForProcessesAsync(CbResponseClient client, string name, string queryText,
        string? sort = "last_update desc", CancellationToken cancellationToken = default) =>
        CreateAsync(client, name, WatchlistIndexType.Events, queryText, sort, cancellationToken);

    /// <summary>Creates a watchlist over binaries (<c>index_type</c> <c>modules</c>) matching <paramref name="queryText"/>.</summary>
    public static Task<Watchlist> CreateForBinariesAsync(CbResponseClient client, string name, string queryText,
        CancellationToken cancellationToken = default) =>
        CreateAsync(client, name, WatchlistIndexType.Modules, queryText, null, cancellationToken);

    private static async Task<Watchlist> CreateAsync(CbResponseClient client, string name, WatchlistIndexType index,
        string queryText, string? sort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(queryText);
        var watchlist = client.Create<Watchlist>();
        watchlist.Name = name;
        watchlist.IndexType = index;
        watchlist.SearchQuery = WatchlistQueryText.ForNewWatchlist(queryText, sort);
        await client.SaveAsync(watchlist, cancellationToken).ConfigureAwait(false);
        return watchlist;
    }
}
