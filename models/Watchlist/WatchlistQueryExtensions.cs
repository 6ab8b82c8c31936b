namespace CbTyped.Response;

/// <summary>cbapi's <c>query.create_watchlist(name)</c>: a watchlist from a process or binary query.</summary>
public static class WatchlistQueryExtensions
{
    /// <summary>Creates a watchlist (index <c>events</c>) that runs this process query; returns it refreshed.</summary>
    public static Task<Watchlist> CreateWatchlistAsync(this CbQuery<Process> query, CbResponseClient client, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Watchlist.CreateForProcessesAsync(client, name, query.QueryText, cancellationToken: cancellationToken);
    }

    /// <summary>Creates a watchlist (index <c>modules</c>) that runs this binary query; returns it refreshed.</summary>
    public static Task<Watchlist> CreateWatchlistAsync(this CbQuery<Binary> query, CbResponseClient client, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Watchlist.CreateForBinariesAsync(client, name, query.QueryText, cancellationToken);
    }
}
