namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>
/// Turns a path a client sends into segments of the emulated file system. Both separators are accepted (Windows
/// does too); relative paths start at the session's working directory; "." and ".." are resolved. On Windows the
/// first segment is the drive ("c:"), a path starting with a separator is on the working directory's drive.
/// </summary>
internal static class EmulatedPath
{
    private static readonly char[] Separators = ['\\', '/'];

    public static List<string> Split(string path, IReadOnlyList<string> workingDirectory)
    {
        var trimmed = path.Trim();
        var parts = trimmed.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var rooted = trimmed.Length > 0 && Array.IndexOf(Separators, trimmed[0]) >= 0;
        var segments = new List<string>();
        if (parts.Length > 0 && IsDrive(parts[0]))
        {
            // A drive is a root of its own; nothing from the working directory applies.
        }
        else if (rooted)
        {
            if (workingDirectory.Count > 0 && IsDrive(workingDirectory[0]))
            {
                segments.Add(workingDirectory[0]);
            }
        }
        else
        {
            segments.AddRange(workingDirectory);
        }

        foreach (var part in parts)
        {
            if (part == ".")
            {
                continue;
            }

            // ".." never climbs above the drive (or the Unix root), as on a real file system.
            if (part == "..")
            {
                if (segments.Count > 0 && !(segments.Count == 1 && IsDrive(segments[0])))
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(IsDrive(part) ? part.ToLowerInvariant() : part);
        }

        return segments;
    }

    /// <summary>The path as the sensor writes it back: <c>c:\windows\temp</c> (a drive alone is <c>c:\</c>) or <c>/tmp</c>.</summary>
    public static string Join(IReadOnlyList<string> segments, bool windows)
    {
        if (!windows)
        {
            return "/" + string.Join('/', segments);
        }

        return segments.Count == 1 ? segments[0] + "\\" : string.Join('\\', segments);
    }

    public static bool IsDrive(string segment) => segment.Length == 2 && char.IsAsciiLetter(segment[0]) && segment[1] == ':';

    /// <summary>Whether a name matches a <c>dir</c>-style pattern with <c>*</c> and <c>?</c>, ignoring case.</summary>
    public static bool Matches(string name, string pattern)
    {
        if (pattern is "*" or "*.*")
        {
            return true;
        }

        return Match(name.AsSpan(), pattern.AsSpan());

        static bool Match(ReadOnlySpan<char> text, ReadOnlySpan<char> glob)
        {
            while (glob.Length > 0)
            {
                if (glob[0] == '*')
                {
                    var rest = glob[1..];
                    for (var i = 0; i <= text.Length; i++)
                    {
                        if (Match(text[i..], rest))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (text.Length == 0 || (glob[0] != '?' && char.ToLowerInvariant(glob[0]) != char.ToLowerInvariant(text[0])))
                {
                    return false;
                }

                text = text[1..];
                glob = glob[1..];
            }

            return text.Length == 0;
        }
    }

    public static bool HasWildcard(string segment) => segment.AsSpan().IndexOfAny('*', '?') >= 0;
}
