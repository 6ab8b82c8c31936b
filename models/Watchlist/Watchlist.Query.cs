using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Watchlist
{
    /// <summary>
    /// The watchlist's query as a person writes it (<c>process_name:net.exe cmdline:\\test\blah</c>), decoded from
    /// <see cref="SearchQuery"/>; setting it rewrites <see cref="SearchQuery"/> and keeps its other parameters.
    /// </summary>
    public string? Query
    {
        get => WatchlistQueryText.FromSearchQuery(SearchQuery);
        set => SearchQuery = WatchlistQueryText.ToSearchQuery(SearchQuery, value ?? string.Empty);
    }

    /// <summary>The exact filters (<c>cb.fq.&lt;name&gt;</c>) of the stored query.</summary>
    public IReadOnlyDictionary<string, string> Filters => WatchlistQueryText.Filters(SearchQuery);

    /// <summary>True when the watchlist searches processes (<c>index_type</c> <c>events</c>).</summary>
    public bool IsProcessWatchlist => IndexType == WatchlistIndexType.Events;

    /// <summary>True when the watchlist searches binaries (<c>index_type</c> <c>modules</c>).</summary>
    public bool IsBinaryWatchlist => IndexType == WatchlistIndexType.Modules;
}
