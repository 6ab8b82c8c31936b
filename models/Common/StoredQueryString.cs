using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>
/// Applies a query string the server or the console stores (a watchlist's <c>search_query</c>, a console search URL:
/// <c>cb.urlver=1&amp;q=process_name%3Anet.exe&amp;cb.fq.group=Default</c>) to a fresh query, pair by pair in order:
/// <c>q</c> values and <c>cb.q.&lt;field&gt;=value</c> (as <c>field:value</c>) become terms (the server ANDs them the
/// same way), <c>sort</c> the sort, and every other pair (<c>cb.fq.*</c>, <c>cb.min_last_update</c>, <c>cb.group</c>,
/// …) is sent as is. Paging, facets and <c>cb.urlver</c> are the runtime's.
/// </summary>
internal static class StoredQueryString
{
    /// <summary>Parameters of a stored query that the runtime's query sets itself (paging, facets, URL version).</summary>
    private static readonly HashSet<string> QueryOwnedParameters = ["cb.urlver", "facet", "facet.field", "start", "rows"];

    public static CbQuery<T> Apply<T>(CbQuery<T> query, string? queryString)
        where T : CbModel, ICbModel<T>
    {
        foreach (var (name, value) in UrlQueryString.Parse(queryString))
        {
            if (name == "q")
                query = query.Where(value);
            else if (name.StartsWith("cb.q.", StringComparison.Ordinal))
                query = query.Where(name["cb.q.".Length..] + ":" + value);
            else if (name == "sort")
                query = query.Sort(value);
            else if (name.Length > 0 && !QueryOwnedParameters.Contains(name))
                query = query.WithParameter(name, value);
        }

        return query;
    }
}
