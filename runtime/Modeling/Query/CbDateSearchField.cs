using System.Globalization;

namespace CbTyped.Modeling;

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
