using System.Globalization;

namespace CbTyped.Cli.Output;

/// <summary>Cell texts: invariant culture, dates in UTC to the second.</summary>
internal static class Formats
{
    public static string? Date(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "" };
}
