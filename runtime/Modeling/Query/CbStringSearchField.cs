namespace CbTyped.Modeling;

/// <summary>A keyword, text, path or md5 field.</summary>
public sealed class CbStringSearchField : CbSearchField
{
    /// <summary>Names the field.</summary>
    public CbStringSearchField(string name)
        : base(name)
    {
    }

    /// <summary>The field equals the value (case-insensitive on the server; <c>*</c> and <c>?</c> are literal).</summary>
    public CbQueryTerm Is(string value) => CbQueryTerm.Clause(Name, CbQueryEscaper.Escape(value));

    /// <summary>The field equals any of the values.</summary>
    public CbQueryTerm IsAnyOf(params string[] values) => AnyOf(values, Is);

    /// <summary>
    /// The field matches a pattern where <c>*</c> is a wildcard for any run and <c>?</c> for one character
    /// (<c>ms*.exe</c>, <c>c:\program files\*</c>); every other character, whitespace included, is literal.
    /// </summary>
    public CbQueryTerm Like(string pattern) => CbQueryTerm.Clause(Name, CbQueryEscaper.EscapePattern(pattern));

    /// <summary>The field starts with the value.</summary>
    /// <exception cref="ArgumentException">The prefix holds <c>*</c> or <c>?</c> (see <see cref="CbQueryEscaper.EscapePrefix"/>).</exception>
    public CbQueryTerm StartsWith(string prefix) => CbQueryTerm.Clause(Name, CbQueryEscaper.EscapePrefix(prefix));
}
