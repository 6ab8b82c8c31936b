namespace CbTyped.Response;

/// <summary>
/// Converts between a watchlist's stored <c>search_query</c> (a URL query string) and the query text a person
/// writes, exactly as cbapi's <c>Watchlist.query</c> getter and setter do.
/// </summary>
public static class WatchlistQueryText
{
    /// <summary>
    /// The human query: every <c>q</c> value, then <c>cb.q.&lt;field&gt;</c> values as <c>field:value</c>, joined by
    /// spaces. <c>facet=false&amp;q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah</c> →
    /// <c>process_name:net.exe cmdline:\\test\blah</c>.
    /// </summary>
    public static string? FromSearchQuery(string? searchQuery)
    {
        if (searchQuery is null)
            return null;
        var parts = new List<string>();
        foreach (var (name, value) in UrlQueryString.Parse(searchQuery))
        {
            if (name == "q")
                parts.Add(value);
            else if (name.StartsWith("cb.q.", StringComparison.Ordinal))
                parts.Add(name["cb.q.".Length..] + ":" + value);
        }

        return string.Join(' ', parts);
    }

    /// <summary>
    /// A new <c>search_query</c> holding <paramref name="queryText"/>: the old <c>q</c> and <c>cb.q.*</c> pairs are
    /// dropped, the other pairs kept, <c>cb.urlver=1</c> ensured, <c>q</c> appended; values quoted with <c>%20</c>
    /// for spaces as cbapi's setter writes them.
    /// </summary>
    public static string ToSearchQuery(string? existingSearchQuery, string queryText)
    {
        ArgumentNullException.ThrowIfNull(queryText);
        var kept = UrlQueryString.Parse(existingSearchQuery)
            .Where(p => p.Key != "q" && !p.Key.StartsWith("cb.q.", StringComparison.Ordinal))
            .ToList();
        if (!kept.Any(p => p.Key == "cb.urlver"))
            kept.Insert(0, new("cb.urlver", "1"));
        kept.Add(new("q", queryText));
        return UrlQueryString.Join(kept, UrlQueryString.Quote);
    }

    /// <summary>The <c>cb.fq.&lt;name&gt;</c> filters of a <c>search_query</c> (cbapi's <c>Watchlist.facets</c>).</summary>
    public static IReadOnlyDictionary<string, string> Filters(string? searchQuery)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in UrlQueryString.Parse(searchQuery))
        {
            if (name.StartsWith("cb.fq.", StringComparison.Ordinal))
                filters[name["cb.fq.".Length..]] = value;
        }

        return filters;
    }

    /// <summary>
    /// The <c>search_query</c> for a new watchlist over <paramref name="queryText"/>, as cbapi's
    /// <c>Query.create_watchlist</c> writes it (form-encoded: a space is <c>+</c>):
    /// <c>facet=false&amp;q=…&amp;cb.urlver=1[&amp;sort=…]</c>.
    /// </summary>
    public static string ForNewWatchlist(string queryText, string? sort)
    {
        ArgumentNullException.ThrowIfNull(queryText);
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("facet", "false"),
            new("q", queryText),
            new("cb.urlver", "1"),
        };
        if (!string.IsNullOrWhiteSpace(sort))
            pairs.Add(new("sort", sort.Trim()));
        return UrlQueryString.Join(pairs, UrlQueryString.FormEncode);
    }
}
