namespace CbTyped.Emulator.Query.Schema;

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
