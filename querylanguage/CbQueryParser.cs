using System;
using System.Collections.Generic;
using System.Text;

namespace CbTyped.QueryLanguage;

/// <summary>
/// Parses Cb's query language (docs/query-language.md). Hand-written because Cb queries are not Lucene syntax: values carry
/// unescaped colons and backslashes (<c>path:c:\windows\*</c>, <c>cmdline:\\test\blah</c>), which Lucene's classic
/// QueryParser rejects. Rules:
/// <list type="bullet">
/// <item><c>name:</c> starts a fielded clause only when <c>name</c> is a field of the index; otherwise the colon is
/// part of a bare term (<c>c:\program</c>), which searches the default fields.</item>
/// <item>A backslash escapes only whitespace and <c>( ) " : [ ] { }</c> (and, at a term's start, <c>- + !</c>); any
/// other backslash is literal, so paths and UNC names need no doubling and <c>\*</c> is a separator followed by a
/// wildcard. A run of backslashes before such a character (or at the end of the query) is halved, so <c>a\\</c>
/// followed by a space is the value <c>a\</c>, and <c>"a\\"</c> a phrase ending in a backslash.</item>
/// <item>OR binds looser than AND; juxtaposition is AND; <c>-</c>, <c>!</c> and <c>NOT</c> negate; <c>+</c> is a
/// no-op "required"; <c>and</c>/<c>or</c> are accepted in lower case too.</item>
/// </list>
/// Shared source: compiled into the emulator (net10.0) and the analyzer (netstandard2.0), so both read one grammar.
/// </summary>
internal sealed class CbQueryParser
{
    private readonly string _text;
    private readonly Func<string, bool> _isField;
    private int _pos;

    private CbQueryParser(string text, Func<string, bool> isField)
    {
        _text = text;
        _isField = isField;
    }

    /// <summary>Parses <paramref name="query"/>; throws <see cref="CbQuerySyntaxException"/> when it is malformed.</summary>
    /// <param name="query">The <c>q</c> text.</param>
    /// <param name="isField">Whether a name is a field of the index being searched.</param>
    public static QueryNode Parse(string? query, Func<string, bool> isField)
    {
        if (isField is null)
        {
            throw new ArgumentNullException(nameof(isField));
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return new MatchAllNode();
        }

        var parser = new CbQueryParser(query!, isField);
        var node = parser.ParseOr(null);
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error("unbalanced ')'");
        }

        return node;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private QueryNode ParseOr(string? field)
    {
        var children = new List<QueryNode> { ParseAnd(field) };
        while (TryKeyword("OR", "or", "||"))
        {
            children.Add(ParseAnd(field));
        }

        return children.Count == 1 ? children[0] : new OrNode(children);
    }

    private QueryNode ParseAnd(string? field)
    {
        var children = new List<QueryNode>();
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || Current == ')' || PeekKeyword("OR", "or", "||"))
            {
                break;
            }

            if (TryKeyword("AND", "and", "&&"))
            {
                if (children.Count == 0)
                {
                    throw Error("AND without a clause before it");
                }

                SkipWhitespace();
                if (AtEnd || Current == ')' || PeekKeyword("OR", "or", "||") || PeekKeyword("AND", "and", "&&"))
                {
                    throw Error("AND without a clause after it");
                }

                continue;
            }

            children.Add(ParseUnary(field));
        }

        if (children.Count == 0)
        {
            throw Error("expected a clause");
        }

        return children.Count == 1 ? children[0] : new AndNode(children);
    }

    private QueryNode ParseUnary(string? field)
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Error("expected a clause");
        }

        if (Current is '-' or '!' or '+')
        {
            var op = Current;
            _pos++;
            if (AtEnd || char.IsWhiteSpace(Current) || Current == ')')
            {
                throw Error($"'{op}' without a clause");
            }

            var operand = ParseUnary(field);
            return op == '+' ? operand : new NotNode(operand);
        }

        if (TryKeyword("NOT"))
        {
            SkipWhitespace();
            if (AtEnd || Current == ')')
            {
                throw Error("NOT without a clause");
            }

            return new NotNode(ParseUnary(field));
        }

        return ParsePrimary(field);
    }

    private QueryNode ParsePrimary(string? field)
    {
        var start = _pos;
        if (Current == '(')
        {
            _pos++;
            var inner = ParseOr(field);
            Expect(')', "unbalanced '('");
            return inner;
        }

        if (Current == ')')
        {
            throw Error("unbalanced ')'");
        }

        if (string.CompareOrdinal(_text, _pos, "*:*", 0, 3) == 0 && IsTermEnd(_pos + 3))
        {
            _pos += 3;
            return new MatchAllNode();
        }

        var name = TryFieldName();
        if (name is not null)
        {
            return ParseFieldValue(name, start, new QuerySpan(start, name.Length));
        }

        return ParseValue(field, start, writtenWithField: false);
    }

    // "name:" where name is a field of the index; otherwise null and the position is unchanged.
    private string? TryFieldName()
    {
        var end = _pos;
        while (end < _text.Length && (IsAsciiLetterOrDigit(_text[end]) || _text[end] is '_' or '.'))
        {
            end++;
        }

        if (end == _pos || end >= _text.Length || _text[end] != ':')
        {
            return null;
        }

        var name = _text.Substring(_pos, end - _pos);
        if (!_isField(name))
        {
            return null;
        }

        _pos = end + 1;
        return name;
    }

    private QueryNode ParseFieldValue(string field, int clauseStart, QuerySpan fieldSpan)
    {
        if (AtEnd || char.IsWhiteSpace(Current) || Current == ')')
        {
            throw Error($"field '{field}' has no value");
        }

        if (Current == '(')
        {
            _pos++;
            var inner = ParseOr(field);
            Expect(')', "unbalanced '('");
            return inner;
        }

        return ParseValue(field, clauseStart, writtenWithField: true) with { FieldSpan = fieldSpan };
    }

    private ClauseNode ParseValue(string? field, int clauseStart, bool writtenWithField)
    {
        QueryValue value;
        var valueStart = _pos;
        if (Current == '"')
        {
            value = new PhraseValue(ReadPhrase());
        }
        else if (Current is '[' or '{')
        {
            if (field is null)
            {
                throw Error("a range needs a field");
            }

            value = ReadRange();
        }
        else
        {
            var term = ReadTerm();
            value = term == "*" ? new ExistsValue() : new TermValue(term);
        }

        var written = _text.Substring(clauseStart, _pos - clauseStart);
        return new ClauseNode(field, value, field is null || writtenWithField ? written : $"{field}:{written}")
        {
            ValueSpan = new QuerySpan(valueStart, _pos - valueStart),
        };
    }

    private string ReadPhrase()
    {
        var start = _pos;
        _pos++;
        var builder = new StringBuilder();
        while (!AtEnd && Current != '"')
        {
            if (Current == '\\')
            {
                ReadBackslashes(builder, atTermStart: false);
                continue;
            }

            builder.Append(Current);
            _pos++;
        }

        if (AtEnd)
        {
            _pos = start;
            throw Error("unterminated quote", _text.Length - start);
        }

        _pos++;
        return builder.ToString();
    }

    private RangeValue ReadRange()
    {
        var start = _pos;
        var lowInclusive = Current == '[';
        _pos++;
        var close = _pos;
        while (close < _text.Length && _text[close] is not (']' or '}'))
        {
            close++;
        }

        if (close >= _text.Length)
        {
            _pos = start;
            throw Error("unterminated range", _text.Length - start);
        }

        var highInclusive = _text[close] == ']';
        var parts = Words(_pos, close);
        if (parts.Count != 3 || !parts[1].Text.Equals("TO", StringComparison.OrdinalIgnoreCase))
        {
            _pos = start;
            throw Error("a range must read [low TO high]", close + 1 - start);
        }

        _pos = close + 1;
        return new RangeValue(Bound(parts[0].Text), Bound(parts[2].Text), lowInclusive, highInclusive)
        {
            LowSpan = parts[0].Span,
            HighSpan = parts[2].Span,
        };

        static string? Bound(string text)
        {
            var unquoted = text.Length >= 2 && text[0] == '"' && text[text.Length - 1] == '"' ? text.Substring(1, text.Length - 2) : text;
            return unquoted == "*" ? null : unquoted;
        }
    }

    // The white-space separated words of _text[from, to), with where each is written.
    private List<(string Text, QuerySpan Span)> Words(int from, int to)
    {
        var words = new List<(string Text, QuerySpan Span)>();
        var i = from;
        while (i < to)
        {
            while (i < to && char.IsWhiteSpace(_text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < to && !char.IsWhiteSpace(_text[i]))
            {
                i++;
            }

            if (i > wordStart)
            {
                words.Add((_text.Substring(wordStart, i - wordStart), new QuerySpan(wordStart, i - wordStart)));
            }
        }

        return words;
    }

    // A bare term runs to unescaped whitespace or parenthesis.
    private string ReadTerm()
    {
        var builder = new StringBuilder();
        var start = _pos;
        while (!AtEnd && !char.IsWhiteSpace(Current) && Current is not ('(' or ')'))
        {
            if (Current == '\\')
            {
                ReadBackslashes(builder, atTermStart: _pos == start);
                continue;
            }

            builder.Append(Current);
            _pos++;
        }

        if (builder.Length == 0)
        {
            throw Error("expected a term");
        }

        return builder.ToString();
    }

    // A run of n backslashes before an escapable character: n/2 backslashes, and when n is odd the character is taken
    // literally (else it keeps its meaning: a closing quote, the end of the term). At the end of the query the run is
    // halved too, an odd one keeping its last backslash. Before anything else every backslash is literal.
    private void ReadBackslashes(StringBuilder builder, bool atTermStart)
    {
        var end = _pos;
        while (end < _text.Length && _text[end] == '\\')
        {
            end++;
        }

        var count = end - _pos;
        if (end >= _text.Length)
        {
            builder.Append('\\', (count / 2) + (count % 2));
            _pos = end;
            return;
        }

        var next = _text[end];
        if (!IsEscapable(next) && !(atTermStart && next is '-' or '+' or '!'))
        {
            builder.Append('\\', count);
            _pos = end;
            return;
        }

        builder.Append('\\', count / 2);
        if (count % 2 == 1)
        {
            builder.Append(next);
            end++;
        }

        _pos = end;
    }

    private static bool IsEscapable(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '"' or ':' or '[' or ']' or '{' or '}';

    private bool IsTermEnd(int index) =>
        index >= _text.Length || char.IsWhiteSpace(_text[index]) || _text[index] is '(' or ')';

    private bool PeekKeyword(params string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0 && IsTermEnd(_pos + keyword.Length))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryKeyword(params string[] keywords)
    {
        SkipWhitespace();
        foreach (var keyword in keywords)
        {
            if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0 && IsTermEnd(_pos + keyword.Length))
            {
                _pos += keyword.Length;
                return true;
            }
        }

        return false;
    }

    private void Expect(char c, string problem)
    {
        SkipWhitespace();
        if (AtEnd || Current != c)
        {
            throw Error(problem);
        }

        _pos++;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _pos++;
        }
    }

    private CbQuerySyntaxException Error(string problem, int length = 1) =>
        new(problem, _pos, Math.Min(length, _text.Length - _pos));

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
