namespace CbTyped.Emulator.Query.Analysis;

/// <summary>Text fields: lower-case words split on anything that is not a letter or digit.</summary>
internal static class TextAnalyzer
{
    /// <param name="value">The text.</param>
    /// <param name="keepWildcards">Query side: <c>*</c> and <c>?</c> stay inside words.</param>
    public static List<string> Tokenize(string value, bool keepWildcards)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var inWord = i < value.Length
                && (char.IsLetterOrDigit(value[i]) || (keepWildcards && value[i] is '*' or '?'));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(value[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }
}
