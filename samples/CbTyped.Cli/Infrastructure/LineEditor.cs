using System.Text;

namespace CbTyped.Cli.Infrastructure;

/// <summary>
/// Reads one line from a terminal with the keys an interactive shell needs: Backspace, Up/Down through the history,
/// Tab to complete a word (the candidates come from the caller), Ctrl+D on an empty line to end. Used only when
/// standard input is a terminal; redirected input is read line by line.
/// </summary>
internal sealed class LineEditor(TextWriter echo, Func<ConsoleKeyInfo> readKey, Func<string, IReadOnlyList<string>> complete)
{
    private readonly List<string> _history = [];

    public IReadOnlyList<string> History => _history;

    public void Remember(string line)
    {
        if (line.Length > 0 && (_history.Count == 0 || _history[^1] != line))
            _history.Add(line);
    }

    /// <summary>The line typed, or null at Ctrl+D on an empty line.</summary>
    public string? ReadLine(string prompt)
    {
        echo.Write(prompt);
        echo.Flush();
        var line = new StringBuilder();
        var back = _history.Count;
        while (true)
        {
            var key = readKey();
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    echo.WriteLine();
                    return line.ToString();
                case ConsoleKey.Backspace:
                    if (line.Length > 0)
                    {
                        line.Length--;
                        echo.Write("\b \b");
                    }
                    break;
                case ConsoleKey.UpArrow or ConsoleKey.DownArrow:
                    back = Math.Clamp(back + (key.Key == ConsoleKey.UpArrow ? -1 : 1), 0, _history.Count);
                    Replace(line, back < _history.Count ? _history[back] : "");
                    break;
                case ConsoleKey.Tab:
                    Complete(line, prompt);
                    break;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    if (line.Length == 0)
                    {
                        echo.WriteLine();
                        return null;
                    }
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        line.Append(key.KeyChar);
                        echo.Write(key.KeyChar);
                    }
                    break;
            }
            echo.Flush();
        }
    }

    private void Complete(StringBuilder line, string prompt)
    {
        var text = line.ToString();
        var candidates = complete(text);
        if (candidates.Count == 1)
        {
            Replace(line, candidates[0]);
        }
        else if (candidates.Count > 1)
        {
            // Several: the common prefix goes in, and the choices are listed under the line, which is then redrawn.
            var common = candidates.Aggregate((a, b) => a[..CommonLength(a, b)]);
            if (common.Length > text.Length)
            {
                Replace(line, common);
                return;
            }
            echo.WriteLine();
            echo.WriteLine(string.Join("  ", candidates));
            echo.Write(prompt + line);
        }
    }

    private static int CommonLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
            n++;
        return n;
    }

    private void Replace(StringBuilder line, string text)
    {
        echo.Write(new string('\b', line.Length) + new string(' ', line.Length) + new string('\b', line.Length));
        line.Clear().Append(text);
        echo.Write(text);
    }
}
