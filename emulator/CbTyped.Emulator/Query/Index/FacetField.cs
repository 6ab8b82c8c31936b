using System.Globalization;
using CbTyped.Emulator.Query.Schema;

namespace CbTyped.Emulator.Query.Index;

/// <summary>
/// A facet derived from a source field (path_full, hour_of_day, product_name_facet …): a hidden keyword field whose
/// terms are the bucket names, case kept, so counting a facet is counting each term's postings within the matches.
/// </summary>
internal sealed class FacetField(CbFacetDefinition definition)
{
    public CbFacetDefinition Definition { get; } = definition;

    public FieldIndex Values { get; } =
        new(new CbFieldDefinition(definition.Name, CbFieldType.Keyword), keepCase: true);

    public void AddString(int doc, string value)
    {
        if (Definition.Kind == CbFacetKind.Value)
        {
            Values.AddString(doc, value);
        }
        else if (DateTime.TryParse(value, CultureInfo.InvariantCulture,
                     DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            AddDate(doc, date);
        }
    }

    public void AddLong(int doc, long value) => Values.AddString(doc, value.ToString(CultureInfo.InvariantCulture));

    public void AddDouble(int doc, double value) => Values.AddString(doc, value.ToString(CultureInfo.InvariantCulture));

    public void AddIPv4(int doc, uint address) => Values.AddIPv4(doc, address);

    public void AddDate(int doc, DateTime value)
    {
        var bucket = Definition.Kind switch
        {
            CbFacetKind.HourOfDay => value.Hour.ToString(CultureInfo.InvariantCulture),
            CbFacetKind.DayOfWeek => ((int)value.DayOfWeek).ToString(CultureInfo.InvariantCulture),
            CbFacetKind.Day => value.Date.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture),
            _ => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture),
        };
        Values.AddString(doc, bucket);
    }
}
