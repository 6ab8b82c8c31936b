using System.Text;

namespace CbTyped.Modeling;

/// <summary>
/// A piece of Cb query language: a field clause, raw text, or a combination.
/// <c>a &amp; b</c> is <c>a AND b</c>, <c>a | b</c> is <c>a OR b</c>, <c>!a</c> is <c>-a</c>.
/// <see cref="ToString"/> gives correctly escaped query text, parenthesised only where precedence needs it.
/// </summary>
public sealed class CbQueryTerm
{
    private enum TermKind
    {
        Text,
        Clause,
        And,
        Or,
        Not,
    }

    private readonly TermKind _kind;
    private readonly string? _text;
    private readonly CbQueryTerm? _left;
    private readonly CbQueryTerm? _right;

    private CbQueryTerm(TermKind kind, string? text, CbQueryTerm? left, CbQueryTerm? right)
    {
        _kind = kind;
        _text = text;
        _left = left;
        _right = right;
    }

    /// <summary>Query text used as is (already in the query language, e.g. <c>process_name:svchost.exe</c>).</summary>
    public static CbQueryTerm Raw(string queryText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryText);
        return new(TermKind.Text, queryText, null, null);
    }

    /// <summary>A <c>field:value</c> clause whose value is already escaped.</summary>
    public static CbQueryTerm Clause(string field, string escapedValue) =>
        new(TermKind.Clause, field + ":" + escapedValue, null, null);

    /// <summary>Both terms must match.</summary>
    public static CbQueryTerm operator &(CbQueryTerm left, CbQueryTerm right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(TermKind.And, null, left, right);
    }

    /// <summary>Either term must match.</summary>
    public static CbQueryTerm operator |(CbQueryTerm left, CbQueryTerm right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(TermKind.Or, null, left, right);
    }

    /// <summary>The term must not match.</summary>
    public static CbQueryTerm operator !(CbQueryTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return new(TermKind.Not, null, term, null);
    }

    /// <summary>Named alternative for <c>&amp;</c>.</summary>
    public CbQueryTerm And(CbQueryTerm other) => this & other;

    /// <summary>Named alternative for <c>|</c>.</summary>
    public CbQueryTerm Or(CbQueryTerm other) => this | other;

    /// <summary>Named alternative for <c>!</c>.</summary>
    public CbQueryTerm Not() => !this;

    /// <summary>Named alternative for <c>&amp;</c> (CA2225).</summary>
    public static CbQueryTerm BitwiseAnd(CbQueryTerm left, CbQueryTerm right) => left & right;

    /// <summary>Named alternative for <c>|</c> (CA2225).</summary>
    public static CbQueryTerm BitwiseOr(CbQueryTerm left, CbQueryTerm right) => left | right;

    /// <summary>Named alternative for <c>!</c> (CA2225).</summary>
    public static CbQueryTerm LogicalNot(CbQueryTerm term) => !term;

    /// <summary>The query text.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, parentPrecedence: 0);
        return text.ToString();
    }

    // Precedence: OR 1 < AND 2 < NOT 3 < text 4. A child is parenthesised when it binds looser than its parent.
    private int Precedence => _kind switch
    {
        TermKind.Or => 1,
        TermKind.And => 2,
        TermKind.Not => 3,
        _ => 4,
    };

    private void Append(StringBuilder text, int parentPrecedence)
    {
        bool parenthesise = Precedence < parentPrecedence;
        if (parenthesise)
        {
            text.Append('(');
        }

        switch (_kind)
        {
            case TermKind.Text:
                // Raw text may itself contain OR or juxtaposition, so wrap it unless it stands alone.
                bool wrapRaw = parentPrecedence > 0 && NeedsGrouping(_text!);
                text.Append(wrapRaw ? "(" + _text + ")" : _text);
                break;
            case TermKind.Clause:
                // One escaped clause: it never needs grouping, whatever its value holds.
                text.Append(_text);
                break;
            case TermKind.And:
                _left!.Append(text, 2);
                text.Append(" AND ");
                _right!.Append(text, 2);
                break;
            case TermKind.Or:
                _left!.Append(text, 1);
                text.Append(" OR ");
                _right!.Append(text, 1);
                break;
            case TermKind.Not:
                text.Append('-');
                _left!.Append(text, 3);
                break;
        }

        if (parenthesise)
        {
            text.Append(')');
        }
    }

    // True when raw text has a top-level space outside quotes, brackets and escapes (several clauses).
    private static bool NeedsGrouping(string raw)
    {
        bool quoted = false;
        int depth = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '(' || c == '['))
            {
                depth++;
            }
            else if (!quoted && (c == ')' || c == ']'))
            {
                depth--;
            }
            else if (!quoted && depth == 0 && char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
