namespace CbTyped.Emulator.Search;

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
