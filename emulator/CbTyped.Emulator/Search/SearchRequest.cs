namespace CbTyped.Emulator.Search;

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
