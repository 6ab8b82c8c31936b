namespace CbTyped.Emulator.Search;

/// <summary>
/// The seam between the HTTP endpoints and the query engine: endpoints only ever call these two interfaces, so
/// the engine behind them can change without touching an endpoint.
/// </summary>
internal interface ISearchEngine
{
    /// <summary>Builds an index over <paramref name="documents"/>; a hit is a document's ordinal in that list.</summary>
    ISearchIndex Build(SearchIndexKind kind, IReadOnlyList<ISearchDocument> documents);
}

/// <summary>A searchable index of one <see cref="SearchIndexKind"/>.</summary>
internal interface ISearchIndex
{
    /// <summary>Re-indexes a changed document, or adds one when <paramref name="ordinal"/> equals the count.</summary>
    void Upsert(int ordinal, ISearchDocument document);

    /// <summary>Runs a search. Throws <see cref="SearchSyntaxException"/> for a malformed query.</summary>
    SearchResult Search(SearchRequest request);
}

/// <summary>One search, already decoded from the URL or the POST body.</summary>
/// <param name="Query">The <c>q</c> text; empty, <c>*</c> or <c>*:*</c> match everything.</param>
/// <param name="Clauses"><c>cb.q.&lt;field&gt;=&lt;value&gt;</c>: clauses <c>field:value</c> ANDed with the query.</param>
/// <param name="Filters"><c>cb.fq.&lt;field&gt;=&lt;value&gt;</c>: exact filters.</param>
/// <param name="Start">First result (0-based).</param>
/// <param name="Rows">Page size; 0 only counts.</param>
/// <param name="Sort"><c>"field asc|desc"</c>, or null for the kind's default.</param>
/// <param name="FacetFields">Fields to facet on; empty for none.</param>
/// <param name="GroupByProcessId"><c>cb.group=id</c>: one result per process GUID.</param>
internal sealed record SearchRequest(
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Clauses,
    IReadOnlyList<KeyValuePair<string, string>> Filters,
    int Start,
    int Rows,
    string? Sort,
    IReadOnlyList<string> FacetFields,
    bool GroupByProcessId);

/// <summary>What a search found.</summary>
/// <param name="TotalResults">Every match, not only the page.</param>
/// <param name="Page">Ordinals of the page's documents, in sort order.</param>
/// <param name="Terms">The parsed clauses, echoed in the envelope's <c>terms</c>.</param>
/// <param name="Facets">Per requested field, the top buckets by count.</param>
internal sealed record SearchResult(
    int TotalResults,
    IReadOnlyList<int> Page,
    IReadOnlyList<string> Terms,
    IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Facets);

/// <summary>One facet value and how many matches carry it.</summary>
internal sealed record FacetBucket(string Name, int Count);

/// <summary>A malformed query; the server answers 400 <c>query_malformed_syntax</c>.</summary>
internal sealed class SearchSyntaxException : Exception
{
    public SearchSyntaxException()
    {
    }

    public SearchSyntaxException(string message)
        : base(message)
    {
    }

    public SearchSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
