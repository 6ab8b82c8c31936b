using System.Globalization;

namespace CbTyped;

/// <summary>
/// Reads an INI file the way Python's <c>configparser.RawConfigParser</c> (what cbapi uses) does: <c>[section]</c>
/// headers, <c>key = value</c> or <c>key: value</c>, keys lower-cased, values trimmed, indented continuation lines,
/// whole-line <c>#</c>/<c>;</c> comments, a <c>[DEFAULT]</c> section for every profile, and no interpolation.
/// Hand-written because no .NET INI reader follows these rules (Microsoft.Extensions.Configuration.Ini treats ':' as a
/// path separator and drops DEFAULT).
/// </summary>
internal static class IniFile
{
    public const string DefaultSection = "DEFAULT";

    /// <summary>Parses <paramref name="text"/> into <paramref name="into"/>, later values replacing earlier ones key by key.</summary>
    /// <exception cref="CbCredentialsException">The text is not valid INI; the message names the file and line.</exception>
    public static void Parse(string text, string fileName, Dictionary<string, Dictionary<string, string>> into)
    {
        var seenSections = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, string>? section = null;
        HashSet<string>? seenKeys = null;
        string? lastKey = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                lastKey = null;
                continue;
            }

            var indented = char.IsWhiteSpace(line[0]);
            if (indented && section is not null && lastKey is not null)
            {
                section[lastKey] = section[lastKey] + "\n" + trimmed;
                continue;
            }

            if (trimmed[0] == '[' && trimmed[^1] == ']' && trimmed.Length > 2)
            {
                var name = trimmed[1..^1];
                if (!seenSections.Add(name))
                    throw Error(fileName, lineNumber, $"section '{name}' appears twice");
                if (!into.TryGetValue(name, out section))
                    into[name] = section = new Dictionary<string, string>(StringComparer.Ordinal);
                seenKeys = new HashSet<string>(StringComparer.Ordinal);
                lastKey = null;
                continue;
            }

            var delimiter = trimmed.IndexOfAny(['=', ':']);
            if (delimiter <= 0)
                throw Error(fileName, lineNumber, "expected '[profile]' or 'key = value'");
            if (section is null || seenKeys is null)
                throw Error(fileName, lineNumber, "a key comes before any [profile] header");
            var key = trimmed[..delimiter].Trim().ToLower(CultureInfo.InvariantCulture);
            if (!seenKeys.Add(key))
                throw Error(fileName, lineNumber, $"key '{key}' appears twice in one profile");
            section[key] = trimmed[(delimiter + 1)..].Trim();
            lastKey = key;
        }
    }

    private static CbCredentialsException Error(string fileName, int line, string what) =>
        new($"Cannot read credentials file {fileName}, line {line.ToString(CultureInfo.InvariantCulture)}: {what}.");
}
