using System.Globalization;
using System.Text;

namespace CbTyped.Cli.Output;

/// <summary>Server-sent text made safe for one line of a message: quoted, control characters escaped, long text cut.</summary>
internal static class Printable
{
    private const int MaxLength = 80;

    public static string Quote(string value)
    {
        var text = new StringBuilder("'");
        foreach (var c in value.Length > MaxLength ? value[..MaxLength] : value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                text.Append(c);
        }
        return text.Append(value.Length > MaxLength ? "'…" : "'").ToString();
    }
}
