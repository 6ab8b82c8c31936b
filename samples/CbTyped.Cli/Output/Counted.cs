using System.Globalization;

namespace CbTyped.Cli.Output;

/// <summary>"1 process", "2 processes": a count with its noun in the right number.</summary>
internal static class Counted
{
    public static string Of(long count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
}
