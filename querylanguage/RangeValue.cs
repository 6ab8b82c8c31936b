namespace CbTyped.QueryLanguage;

/// <summary><c>[low TO high]</c> (inclusive) or <c>{low TO high}</c> (exclusive); null bound = <c>*</c>.</summary>
internal sealed record RangeValue(string? Low, string? High, bool LowInclusive, bool HighInclusive) : QueryValue
{
    /// <summary>Where the low bound is written.</summary>
    public QuerySpan LowSpan { get; init; }

    /// <summary>Where the high bound is written.</summary>
    public QuerySpan HighSpan { get; init; }
}
