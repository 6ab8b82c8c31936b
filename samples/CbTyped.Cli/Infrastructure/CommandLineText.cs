namespace CbTyped.Cli.Infrastructure;

/// <summary>Turns the words after <c>lr exec SENSOR-ID</c> back into one command line for the endpoint.</summary>
internal static class CommandLineText
{
    /// <summary>
    /// One word is taken as the whole command line (the user quoted it); several are joined with spaces, and a word
    /// with white space in it is put in double quotes, as the shell's quoting had grouped it.
    /// </summary>
    public static string Join(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : string.Join(' ', words.Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && !word.Any(char.IsWhiteSpace) ? word
        : word.StartsWith('"') && word.EndsWith('"') && word.Length > 1 ? word
        : "\"" + word + "\"";
}
