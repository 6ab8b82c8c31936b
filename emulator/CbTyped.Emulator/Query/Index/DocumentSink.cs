using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>Receives one document's fields and indexes them under the document's internal id.</summary>
internal sealed class DocumentSink(CbSearchIndex index) : ISearchFieldSink
{
    public int Doc { get; set; }

    public void Add(string field, string value)
    {
        if (value is null)
        {
            return;
        }

        index.Field(field, CbFieldType.Keyword).AddString(Doc, value);
        foreach (var facet in index.FacetsOf(field))
        {
            facet.AddString(Doc, value);
        }
    }

    public void Add(string field, long value)
    {
        index.Field(field, CbFieldType.WholeNumber).AddLong(Doc, value);
        foreach (var facet in index.FacetsOf(field))
        {
            facet.AddLong(Doc, value);
        }
    }

    public void Add(string field, double value)
    {
        index.Field(field, CbFieldType.RealNumber).AddDouble(Doc, value);
        foreach (var facet in index.FacetsOf(field))
        {
            facet.AddDouble(Doc, value);
        }
    }

    public void Add(string field, bool value) => Add(field, value ? "true" : "false");

    public void Add(string field, DateTime utcValue)
    {
        index.Field(field, CbFieldType.Date).AddDate(Doc, utcValue);
        foreach (var facet in index.FacetsOf(field))
        {
            facet.AddDate(Doc, utcValue);
        }
    }

    public void AddIPv4(string field, uint address)
    {
        index.Field(field, CbFieldType.IpAddress).AddIPv4(Doc, address);
        foreach (var facet in index.FacetsOf(field))
        {
            facet.AddIPv4(Doc, address);
        }
    }
}
