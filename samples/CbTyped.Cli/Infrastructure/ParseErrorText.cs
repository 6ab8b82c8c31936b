using System.Text.RegularExpressions;

namespace CbTyped.Cli.Infrastructure;

/// <summary>System.CommandLine's parse errors with .NET type names (<c>as expected type 'System.Int32'</c>) in words a
/// user knows (<c>as a whole number</c>).</summary>
internal static partial class ParseErrorText
{
    public static string ForUsers(string message) =>
        ExpectedType().Replace(message, m => "as " + Describe(m.Groups["type"].Value));

    private static string Describe(string type) =>
        type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
        : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
        : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
        : "a valid value";

    [GeneratedRegex(@"as expected type '(?<type>System\.[^']+)'")]
    private static partial Regex ExpectedType();
}
