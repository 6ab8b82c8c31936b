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
