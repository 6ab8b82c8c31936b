using System.Text;

namespace CbTyped;

/// <summary>
/// Builds query strings the way cbapi does (<c>urlencode(sorted(pairs))</c>): parameters in ordinal order by name then
/// value, a repeated name for list values, and Python's <c>quote_plus</c> encoding (space → <c>+</c>, everything but
/// letters, digits and <c>_.-~</c> percent-encoded as UTF-8), e.g. <c>q=process_name%3Anet.exe&amp;rows=100</c>.
/// </summary>
internal sealed class CbQueryString
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public CbQueryString Add(string name, string value)
    {
        _pairs.Add(new(name, value));
        return this;
    }

    public CbQueryString AddRange(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _pairs.AddRange(pairs);
        return this;
    }

    /// <summary><c>path?a=1&amp;b=2</c>, or just the path when there are no parameters.</summary>
    public string AppendTo(string path)
    {
        if (_pairs.Count == 0)
            return path;
        var builder = new StringBuilder(path.Length + 16 * _pairs.Count).Append(path).Append(path.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        var first = true;
        foreach (var pair in _pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            if (!first)
                builder.Append('&');
            first = false;
            AppendEncoded(builder, pair.Key);
            builder.Append('=');
            AppendEncoded(builder, pair.Value);
        }
        return builder.ToString();
    }

    public override string ToString() => AppendTo("").TrimStart('?');

    /// <summary>Python's <c>quote_plus</c>.</summary>
    public static void AppendEncoded(StringBuilder builder, string value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                builder.Append('+');
            }
            else if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '_' or '.' or '-' or '~'))
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                var length = rune.EncodeToUtf8(utf8);
                for (var i = 0; i < length; i++)
                    builder.Append('%').Append(HexDigits[utf8[i] >> 4]).Append(HexDigits[utf8[i] & 0xF]);
            }
        }
    }

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        AppendEncoded(builder, value);
        return builder.ToString();
    }

    private const string HexDigits = "0123456789ABCDEF";
}
