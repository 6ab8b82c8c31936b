namespace CbTyped.Emulator.Search;

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
