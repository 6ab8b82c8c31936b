namespace CbTyped.Emulator.Search;

/// <summary>
/// One searchable record. It writes every (field, value) pair it has; a multi-valued field calls the sink once per
/// value. Field names are the query language's; the engine chooses tokenisation by field name.
/// </summary>
internal interface ISearchDocument
{
    void WriteFields(ISearchFieldSink sink);
}
