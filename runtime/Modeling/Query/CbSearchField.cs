using System.Globalization;

namespace CbTyped.Modeling;

/// <summary>A searchable field of a model (generated as <c>Model.Fields.X</c>); builds escaped <see cref="CbQueryTerm"/>s.</summary>
public abstract class CbSearchField
{
    /// <summary>Names the field as the query language does.</summary>
    protected CbSearchField(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The query-language field name (e.g. <c>process_name</c>).</summary>
    public string Name { get; }

    /// <summary>The sort text for ascending order (<c>"process_name asc"</c>).</summary>
    public string Ascending => Name + " asc";

    /// <summary>The sort text for descending order (<c>"process_name desc"</c>).</summary>
    public string Descending => Name + " desc";

    /// <summary>The field has a value (<c>field:*</c>).</summary>
    public CbQueryTerm Exists() => CbQueryTerm.Clause(Name, "*");

    /// <summary>The field has this already-escaped query value (for forms the typed methods do not cover).</summary>
    public CbQueryTerm Matches(string escapedQueryValue) => CbQueryTerm.Clause(Name, escapedQueryValue);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>An OR of one clause per value.</summary>
    protected static CbQueryTerm AnyOf<T>(IEnumerable<T> values, Func<T, CbQueryTerm> clause)
    {
        ArgumentNullException.ThrowIfNull(values);
        CbQueryTerm? result = null;
        foreach (T value in values)
        {
            CbQueryTerm term = clause(value);
            result = result is null ? term : result | term;
        }

        return result ?? throw new ArgumentException("At least one value is needed.", nameof(values));
    }
}

/// <summary>A keyword, text, path or md5 field.</summary>
public sealed class CbStringSearchField : CbSearchField
{
    /// <summary>Names the field.</summary>
    public CbStringSearchField(string name)
        : base(name)
    {
    }

    /// <summary>The field equals the value (case-insensitive on the server; <c>*</c> and <c>?</c> are literal).</summary>
    public CbQueryTerm Is(string value) => CbQueryTerm.Clause(Name, CbQueryEscaper.Escape(value));

    /// <summary>The field equals any of the values.</summary>
    public CbQueryTerm IsAnyOf(params string[] values) => AnyOf(values, Is);

    /// <summary>
    /// The field matches a pattern where <c>*</c> is a wildcard for any run and <c>?</c> for one character
    /// (<c>ms*.exe</c>, <c>c:\program files\*</c>); every other character, whitespace included, is literal.
    /// </summary>
    public CbQueryTerm Like(string pattern) => CbQueryTerm.Clause(Name, CbQueryEscaper.EscapePattern(pattern));

    /// <summary>The field starts with the value.</summary>
    /// <exception cref="ArgumentException">The prefix holds <c>*</c> or <c>?</c> (see <see cref="CbQueryEscaper.EscapePrefix"/>).</exception>
    public CbQueryTerm StartsWith(string prefix) => CbQueryTerm.Clause(Name, CbQueryEscaper.EscapePrefix(prefix));
}

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

/// <summary>A date-time field (dates as docs/query-language.md describes).</summary>
public sealed class CbDateSearchField : CbSearchField
{
    /// <summary>Names the field.</summary>
    public CbDateSearchField(string name)
        : base(name)
    {
    }

    /// <summary>Any time on that day (<c>start:2013-12-01</c>).</summary>
    public CbQueryTerm On(DateOnly day) => CbQueryTerm.Clause(Name, CbQueryEscaper.FormatDate(day));

    /// <summary>In the inclusive range; a null bound is open.</summary>
    public CbQueryTerm Between(DateTimeOffset? from, DateTimeOffset? to) =>
        CbQueryTerm.Clause(Name, "[" + Bound(from) + " TO " + Bound(to) + "]");

    /// <summary>At or after the instant.</summary>
    public CbQueryTerm Since(DateTimeOffset from) => Between(from, null);

    /// <summary>At or before the instant.</summary>
    public CbQueryTerm Before(DateTimeOffset to) => Between(null, to);

    /// <summary>Within the last span, relative to the server's now (<c>-24h</c>, <c>-10m</c>, <c>-30s</c>).</summary>
    public CbQueryTerm WithinLast(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(span), "The span must be positive.");
        }

        string text = span.TotalSeconds % 3600 == 0
            ? "-" + ((long)span.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"
            : span.TotalSeconds % 60 == 0
                ? "-" + ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m"
                : "-" + ((long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
        return CbQueryTerm.Clause(Name, text);
    }

    private static string Bound(DateTimeOffset? value) => value is null ? "*" : CbQueryEscaper.FormatDateTime(value.Value);
}

/// <summary>A boolean field.</summary>
public sealed class CbBoolSearchField : CbSearchField
{
    /// <summary>Names the field.</summary>
    public CbBoolSearchField(string name)
        : base(name)
    {
    }

    /// <summary>The field is true or false.</summary>
    public CbQueryTerm Is(bool value) => CbQueryTerm.Clause(Name, value ? "true" : "false");
}
