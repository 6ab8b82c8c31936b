namespace CbTyped.Emulator.Query.Schema;

/// <summary>One searchable field: its name, how it matches, and whether bare terms search it.</summary>
internal sealed record CbFieldDefinition(string Name, CbFieldType Type, bool IsDefault = false);

/// <summary>How a facet's bucket name is derived from its source field's value.</summary>
internal enum CbFacetKind
{
    /// <summary>The value as written (case kept).</summary>
    Value,

    /// <summary>Hour of the day (0–23) of a date.</summary>
    HourOfDay,

    /// <summary>Day of the week (0 = Sunday … 6) of a date.</summary>
    DayOfWeek,

    /// <summary>The day of a date, as <c>yyyy-MM-ddT00:00:00Z</c>.</summary>
    Day,
}

/// <summary>A facet computed from a source field (the facet names the server answers with).</summary>
internal sealed record CbFacetDefinition(string Name, string SourceField, CbFacetKind Kind = CbFacetKind.Value);
