namespace CbTyped.Emulator.Search;

/// <summary>A searchable index of one <see cref="SearchIndexKind"/>.</summary>
internal interface ISearchIndex
{
    /// <summary>Re-indexes a changed document, or adds one when <paramref name="ordinal"/> equals the count.</summary>
    void Upsert(int ordinal, ISearchDocument document);

    /// <summary>Runs a search. Throws <see cref="SearchSyntaxException"/> for a malformed query.</summary>
    SearchResult Search(SearchRequest request);
}
