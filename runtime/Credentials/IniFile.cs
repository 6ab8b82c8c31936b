using System.Globalization;

namespace CbTyped;

/// <summary>
/// Reads an INI file the way Python's <c>configparser.RawConfigParser</c> (what cbapi uses) does: <c>[section]</c>
/// headers, <c>key = value</c> or <c>key: value</c>, keys lower-cased, values trimmed, indented continuation lines,
/// whole-line <c>#</c>/<c>;</c> comments, a <c>[DEFAULT]</c> section for every profile, and no interpolation.
/// Hand-written because no .NET INI reader follows these rules (Microsoft.Extensions.Configuration.Ini treats ':' as a
/// path separator and drops DEFAULT). Unlike configparser it refuses control characters other than tab anywhere in
/// the file (a CR inside a token would become a second HTTP header), naming the line but never the value.
/// </summary>
internal static class IniFile
{
    public const string DefaultSection = "DEFAULT";

    /// <summary>Parses <paramref name="text"/>: sections by name, each a map of keys to values and their lines.</summary>
    /// <exception cref="CbCredentialsException">The text is not valid INI or holds a control character; the message names the file and line.</exception>
    public static Dictionary<string, Dictionary<string, IniValue>> Parse(string text, string fileName)
    {
        var into = new Dictionary<string, Dictionary<string, IniValue>>(StringComparer.Ordinal);
        var seenSections = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, IniValue>? section = null;
        HashSet<string>? seenKeys = null;
        string? lastKey = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            RefuseControlCharacters(line, fileName, lineNumber);
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                lastKey = null;
                continue;
            }

            var indented = char.IsWhiteSpace(line[0]);
            if (indented && section is not null && lastKey is not null)
            {
                section[lastKey] = section[lastKey] with { Value = section[lastKey].Value + "\n" + trimmed };
                continue;
            }

            if (trimmed[0] == '[' && trimmed[^1] == ']' && trimmed.Length > 2)
            {
                var name = trimmed[1..^1];
                if (!seenSections.Add(name))
                    throw Error(fileName, lineNumber, $"section '{name}' appears twice");
                if (!into.TryGetValue(name, out section))
                    into[name] = section = new Dictionary<string, IniValue>(StringComparer.Ordinal);
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
            section[key] = new IniValue(trimmed[(delimiter + 1)..].Trim(), lineNumber);
            lastKey = key;
        }
        return into;
    }

    private static void RefuseControlCharacters(string line, string fileName, int lineNumber)
    {
        var index = ControlCharacters.IndexIn(line, allowTab: true);
        if (index < 0)
            return;
        var delimiter = line.IndexOfAny(['=', ':']);
        var key = delimiter > 0 && delimiter < index ? line[..delimiter].Trim().ToLower(CultureInfo.InvariantCulture) : null;
        var where = key is { Length: > 0 } && ControlCharacters.IndexIn(key) < 0 ? $" in the value of '{key}'" : "";
        throw Error(fileName, lineNumber, $"a {ControlCharacters.Describe(line[index])}{where}; control characters are not allowed (value not shown)");
    }

    internal static CbCredentialsException Error(string fileName, int line, string what) =>
        new($"Cannot read credentials file {fileName}, line {line.ToString(CultureInfo.InvariantCulture)}: {what}.");
}
