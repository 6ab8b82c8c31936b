namespace CbTyped.QueryLanguage;

/// <summary>A run of characters in the query text: where a clause, field name or value is written.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
internal readonly record struct QuerySpan(int Start, int Length)
{
    public int End => Start + Length;
}
