using System.Text;

namespace CbTyped.Cli.Infrastructure;

/// <summary>
/// Splits a line of <c>lr shell</c> into words: spaces separate, "double" or 'single' quotes group, and a backslash is
/// an ordinary character (Windows paths are full of them), unlike a POSIX shell.
/// </summary>
internal static class ShellWords
{
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } open)
            {
                if (c == open)
                    quote = null;
                else
                    word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote is not null)
            throw new CliUsageException("a quote is not closed.");
        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
