namespace CbTyped.Emulator.Query.Analysis;

/// <summary>Glob matching for <c>*</c> (any run) and <c>?</c> (one character) over lower-cased terms.</summary>
internal static class Wildcard
{
    /// <summary>The literal text before the first wildcard (used to narrow a sorted term list).</summary>
    public static string LiteralPrefix(string pattern)
    {
        var index = pattern.AsSpan().IndexOfAny('*', '?');
        return index < 0 ? pattern : pattern[..index];
    }

    public static bool IsMatch(string pattern, string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            // The star first: a '*' in the pattern is a wildcard even where the text holds a '*' too.
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
