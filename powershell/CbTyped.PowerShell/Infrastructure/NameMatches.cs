using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary>
/// A <c>-Name</c> filter: the exact name (case-insensitive), or a wildcard pattern. Exact first, because Cb names
/// often hold wildcard characters (<c>[WARN] …</c>) that a pattern would read as a character class.
/// </summary>
internal static class NameMatches
{
    public static bool Any(string? name, string pattern) =>
        name is not null
        && (string.Equals(name, pattern, StringComparison.OrdinalIgnoreCase)
            || WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(name));
}
