using System.Globalization;

namespace CbTyped.Modeling;

/// <summary>An integer, count or floating-point field.</summary>
public sealed class CbNumberSearchField : CbSearchField
{
    /// <summary>Names the field.</summary>
    public CbNumberSearchField(string name)
        : base(name)
    {
    }

    /// <summary>The field equals the value.</summary>
    public CbQueryTerm Is(long value) => CbQueryTerm.Clause(Name, Format(value));

    /// <summary>The field equals the value.</summary>
    public CbQueryTerm Is(double value) => CbQueryTerm.Clause(Name, Format(value));

    /// <summary>The field equals any of the values.</summary>
    public CbQueryTerm IsAnyOf(params long[] values) => AnyOf(values, Is);

    /// <summary>The field is in the inclusive range; a null bound is open (<c>*</c>).</summary>
    public CbQueryTerm Between(long? min, long? max) =>
        CbQueryTerm.Clause(Name, "[" + (min is null ? "*" : Format(min.Value)) + " TO " + (max is null ? "*" : Format(max.Value)) + "]");

    /// <summary>The field is in the inclusive range; a null bound is open (<c>*</c>).</summary>
    public CbQueryTerm Between(double? min, double? max) =>
        CbQueryTerm.Clause(Name, "[" + (min is null ? "*" : Format(min.Value)) + " TO " + (max is null ? "*" : Format(max.Value)) + "]");

    /// <summary>The field is at least the value.</summary>
    public CbQueryTerm AtLeast(long min) => Between(min, null);

    /// <summary>The field is at most the value.</summary>
    public CbQueryTerm AtMost(long max) => Between(null, max);

    private static string Format(long value) =>
        value < 0 ? "\\" + value.ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) =>
        value < 0 ? "\\" + value.ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
