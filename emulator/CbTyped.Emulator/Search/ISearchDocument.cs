namespace CbTyped.Emulator.Search;

/// <summary>The searchable collections of a Cb Response server.</summary>
internal enum SearchIndexKind
{
    Process,
    Binary,
    Alert,
    ThreatReport,
}

/// <summary>
/// One searchable record. It writes every (field, value) pair it has; a multi-valued field calls the sink once per
/// value. Field names are the query language's; the engine chooses tokenisation by field name.
/// </summary>
internal interface ISearchDocument
{
    void WriteFields(ISearchFieldSink sink);
}

/// <summary>Receives a document's fields, typed so the engine can index numbers, dates and addresses properly.</summary>
internal interface ISearchFieldSink
{
    void Add(string field, string value);

    void Add(string field, long value);

    void Add(string field, double value);

    void Add(string field, bool value);

    void Add(string field, DateTime utcValue);

    /// <summary>An IPv4 address in host order (ipaddr).</summary>
    void AddIPv4(string field, uint address);
}
