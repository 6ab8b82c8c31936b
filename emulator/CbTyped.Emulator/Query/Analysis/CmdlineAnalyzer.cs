namespace CbTyped.Emulator.Query.Analysis;

/// <summary>
/// The "enhanced" command-line tokeniser (the emulator's choice for every version):
/// <c>\ " ' ( ) [ ] { } , = &lt; &gt; &amp; | ;</c> become spaces; <c>/</c> separates too, except at the start of a
/// token other than the first (a switch such as <c>/noconfig</c>); everything else stays; all lower-cased.
/// A token with a dot also yields its last-dot suffix (<c>csc.exe</c> → <c>.exe</c>) at the same position.
/// </summary>
internal static class CmdlineAnalyzer
{
    /// <param name="value">A command line or a query value.</param>
    /// <param name="firstTokenIsSwitchable">
    /// Query side only: treat the value's first token like a later one (a leading <c>/</c> is kept), because a query
    /// value is usually a fragment from the middle of a command line.
    /// </param>
    public static List<string> Tokenize(string value, bool firstTokenIsSwitchable = false)
    {
        var tokens = new List<string>();
        var lowered = value.ToLowerInvariant();
        var chunkStart = -1;
        for (var i = 0; i <= lowered.Length; i++)
        {
            var separator = i == lowered.Length || char.IsWhiteSpace(lowered[i]) || IsSpaceLike(lowered[i]);
            if (!separator && chunkStart < 0)
            {
                chunkStart = i;
            }
            else if (separator && chunkStart >= 0)
            {
                SplitChunk(lowered.AsSpan(chunkStart, i - chunkStart), tokens, firstTokenIsSwitchable);
                chunkStart = -1;
            }
        }

        return tokens;
    }

    /// <summary>The last-dot suffix of a token (<c>.exe</c>), or null when it has none worth indexing.</summary>
    public static string? DotSuffix(string token)
    {
        var dot = token.LastIndexOf('.');
        return dot > 0 && dot < token.Length - 1 ? token[dot..] : null;
    }

    private static bool IsSpaceLike(char c) => c is '\\' or '"' or '\'' or '(' or ')' or '[' or ']' or '{' or '}'
        or ',' or '=' or '<' or '>' or '&' or '|' or ';';

    // Splits a whitespace chunk on '/', keeping a leading '/' as a switch unless this is the command's first token.
    private static void SplitChunk(ReadOnlySpan<char> chunk, List<string> tokens, bool firstTokenIsSwitchable)
    {
        var i = 0;
        if (chunk[0] == '/' && (tokens.Count > 0 || firstTokenIsSwitchable))
        {
            var end = chunk[1..].IndexOf('/');
            var switchToken = end < 0 ? chunk : chunk[..(end + 1)];
            if (switchToken.Length > 1)
            {
                tokens.Add(switchToken.ToString());
            }

            i = switchToken.Length;
        }

        while (i < chunk.Length)
        {
            var rest = chunk[i..];
            var end = rest.IndexOf('/');
            var part = end < 0 ? rest : rest[..end];
            if (part.Length > 0)
            {
                tokens.Add(part.ToString());
            }

            i += part.Length + 1;
        }
    }
}
