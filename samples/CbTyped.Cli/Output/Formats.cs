using System.Globalization;

namespace CbTyped.Cli.Output;

/// <summary>Cell texts: invariant culture, dates in UTC to the second.</summary>
internal static class Formats
{
    public static string? Date(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A score or severity: at most two decimals, no trailing zeros (50.625 → 50.63, 3 → 3).</summary>
    public static string? Decimal(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    public static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "" };
}
