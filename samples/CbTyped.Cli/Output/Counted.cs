using System.Globalization;

namespace CbTyped.Cli.Output;

/// <summary>"1 process", "2 processes": a count with its noun in the right number.</summary>
internal static class Counted
{
    public static string Of(long count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    /// <summary>"20 processes (--limit 20; there may be more)": what a search printed, saying when -n cut it short.</summary>
    public static string Listed(int count, int limit, string singular, string plural) =>
        Of(count, singular, plural) + (count == limit && limit > 0 ? $" (--limit {limit.ToString(CultureInfo.InvariantCulture)}; there may be more)" : "");
}
