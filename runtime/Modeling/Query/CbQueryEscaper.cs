using System.Globalization;
using System.Text;

namespace CbTyped.Modeling;

/// <summary>Escapes values for the Cb query language (the rules are in docs/query-language.md, "Escaping rules").</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A term ends at whitespace or a parenthesis; <c>\</c> before whitespace or <c>( ) " : [ ] { }</c> makes that
/// character literal, and at a term's start <c>\-</c>, <c>\+</c>, <c>\!</c> keep a leading <c>-</c>/<c>+</c>/<c>!</c>
/// from negating. Any other backslash is literal (<c>path:c:\windows\*</c>, <c>cmdline:\\test\blah</c>). Colons
/// are written as they are: after <c>field:</c> the rest is the value.</item>
/// <item>A run of backslashes right before such a special character, or at the end of the value, is doubled: the
/// server halves a run there (so a value may end in a backslash, even inside a phrase).</item>
/// <item><c>*</c> and <c>?</c> are wildcards in a term and cannot be escaped there, so a literal value holding
/// either, an empty value, or a value that is an operator word (<c>AND</c>, <c>OR</c>, <c>NOT</c>, <c>&amp;&amp;</c>,
/// <c>||</c>) is written as a phrase <c>"…"</c>, in which wildcards are literal and only <c>"</c> needs <c>\</c>.
/// A value with whitespace is a phrase too; a pattern keeps its wildcards and escapes whitespace instead.</item>
/// </list>
/// </remarks>
public static class CbQueryEscaper
{
    /// <summary>Escapes a literal value: it matches exactly that value (<c>*</c> and <c>?</c> are literal).</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool phrase = value.Length == 0 || IsOperatorWord(value) || value.AsSpan().IndexOfAny('*', '?') >= 0
            || value.Any(char.IsWhiteSpace);
        return phrase ? Phrase(value) : Term(value);
    }

    /// <summary>
    /// Escapes a pattern in which <c>*</c> is a wildcard (any run of characters) and <c>?</c> one character; every
    /// other character, whitespace included, is literal (<c>c:\program\ files\*</c>).
    /// </summary>
    public static string EscapePattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Length == 0 || IsOperatorWord(pattern) ? Phrase(pattern) : Term(pattern);
    }

    /// <summary>A pattern matching every value that starts with <paramref name="prefix"/> (<c>ms*</c>).</summary>
    /// <exception cref="ArgumentException">The prefix holds <c>*</c> or <c>?</c>: the query language cannot write
    /// a literal wildcard character in front of a wildcard.</exception>
    public static string EscapePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            throw new ArgumentException(
                "A prefix holding '*' or '?' cannot be searched: the query language has no literal wildcard character outside a phrase. Use Like with a pattern instead.",
                nameof(prefix));
        }

        return Term(prefix) + "*";
    }

    /// <summary>A timestamp in the form the query language takes (<c>2013-12-01T22:15:00</c>, UTC).</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A date in the form the query language takes (<c>2013-12-01</c>).</summary>
    public static string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>True for the characters a backslash escapes anywhere in a term or phrase.</summary>
    internal static bool IsSpecial(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '"' or ':' or '[' or ']' or '{' or '}';

    private static bool IsOperatorWord(string value) =>
        value.Equals("AND", StringComparison.OrdinalIgnoreCase) || value.Equals("OR", StringComparison.OrdinalIgnoreCase)
        || value.Equals("NOT", StringComparison.OrdinalIgnoreCase) || value is "&&" or "||";

    private static string Term(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (int i = 0; i < value.Length;)
        {
            char c = value[i];
            if (c == '\\')
            {
                i = AppendBackslashRun(text, value, i, operatorsSpecial: i == 0);
                continue;
            }

            // A colon is left alone (path:c:\windows): after "field:" the server reads the rest as the value.
            if ((IsSpecial(c) && c != ':') || (i == 0 && c is '-' or '+' or '!'))
            {
                text.Append('\\');
            }

            text.Append(c);
            i++;
        }

        return text.ToString();
    }

    private static string Phrase(string value)
    {
        var text = new StringBuilder(value.Length + 8).Append('"');
        for (int i = 0; i < value.Length;)
        {
            char c = value[i];
            if (c == '\\')
            {
                i = AppendBackslashRun(text, value, i, operatorsSpecial: false);
                continue;
            }

            if (c == '"')
            {
                text.Append('\\');
            }

            text.Append(c);
            i++;
        }

        return text.Append('"').ToString();
    }

    // Writes the run of backslashes at value[start..]; doubled when the server would halve it (before a special
    // character or at the end, where a closing quote or a term's end follows). Returns the index after the run.
    private static int AppendBackslashRun(StringBuilder text, string value, int start, bool operatorsSpecial)
    {
        int end = start;
        while (end < value.Length && value[end] == '\\')
        {
            end++;
        }

        bool halved = end == value.Length || IsSpecial(value[end]) || (operatorsSpecial && value[end] is '-' or '+' or '!');
        text.Append('\\', halved ? 2 * (end - start) : end - start);
        return end;
    }
}
