using System.Globalization;
using System.Text;

namespace CbTyped.Modeling;

/// <summary>Escapes values for the Cb query language (rest-api reference §3.1).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A value with whitespace becomes a phrase: <c>"default group"</c>, with <c>"</c> written <c>\"</c>.</item>
/// <item>Otherwise <c>(</c>, <c>)</c> and <c>"</c> get a backslash, and a leading <c>-</c> too (it would negate).</item>
/// <item>Colons and backslashes are left alone: the server reads <c>path:c:\windows\system32\*</c> as a path.</item>
/// <item>An empty value is <c>""</c>.</item>
/// </list>
/// <c>*</c> stays a wildcard in <see cref="EscapePattern"/> and is escaped (<c>\*</c>) in <see cref="Escape"/>.
/// </remarks>
public static class CbQueryEscaper
{
    /// <summary>Escapes a literal value (a <c>*</c> in it matches only a star).</summary>
    public static string Escape(string value) => EscapeCore(value, keepWildcards: false);

    /// <summary>Escapes a pattern in which <c>*</c> is a wildcard (any run of characters).</summary>
    public static string EscapePattern(string pattern) => EscapeCore(pattern, keepWildcards: true);

    /// <summary>A timestamp in the form the query language takes (<c>2013-12-01T22:15:00</c>, UTC).</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A date in the form the query language takes (<c>2013-12-01</c>).</summary>
    public static string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string EscapeCore(string value, bool keepWildcards)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return "\"\"";
        }

        bool phrase = false;
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                phrase = true;
                break;
            }
        }

        var text = new StringBuilder(value.Length + 8);
        if (phrase)
        {
            // Inside a phrase only the quote is special; a wildcard in a phrase is literal to the server anyway.
            text.Append('"');
            foreach (char c in value)
            {
                if (c == '"')
                {
                    text.Append('\\');
                }

                text.Append(c);
            }

            return text.Append('"').ToString();
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool escape = c is '(' or ')' or '"' || (c == '-' && i == 0) || (c == '*' && !keepWildcards);
            if (escape)
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
