using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CbTyped.QueryLanguage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CbTyped.Analyzers
{
    /// <summary>
    /// A query text taken from C# source, with the source position of each of its characters, so a diagnostic can
    /// point inside the literal however it is written (escapes, <c>@"..."</c> with <c>""</c>, raw strings,
    /// <c>$"..."</c> with <c>{{</c>). Interpolation holes become a placeholder term and are marked as holes.
    /// When the source form is one this does not map (a constant from elsewhere, a concatenation), every character
    /// maps to the whole expression.
    /// </summary>
    internal sealed class QueryLiteral
    {
        private const char HolePlaceholder = 'x';

        private readonly int[] _starts;
        private readonly int[] _ends;
        private readonly bool[] _hole;
        private readonly TextSpan _whole;

        private QueryLiteral(string text, int[] starts, int[] ends, bool[] hole, TextSpan whole)
        {
            Text = text;
            _starts = starts;
            _ends = ends;
            _hole = hole;
            _whole = whole;
        }

        public string Text { get; }

        /// <summary>The query of a string literal, an interpolated string, or any other constant expression.</summary>
        public static QueryLiteral? From(ExpressionSyntax expression, string? constant)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return FromToken(literal.Token) ?? Whole(expression, constant);
                case InterpolatedStringExpressionSyntax interpolated:
                    return FromInterpolated(interpolated) ?? (constant is null ? null : Whole(expression, constant));
                default:
                    return constant is null ? null : Whole(expression, constant);
            }
        }

        /// <summary>The source span of query characters [start, start + length).</summary>
        public TextSpan Map(QuerySpan span)
        {
            if (Text.Length == 0)
            {
                return _whole;
            }

            int first = Math.Min(Math.Max(span.Start, 0), Text.Length - 1);
            if (span.Length == 0)
            {
                return span.Start >= Text.Length ? new TextSpan(_ends[Text.Length - 1], 0) : new TextSpan(_starts[first], 0);
            }

            int last = Math.Min(span.End, Text.Length) - 1;
            return TextSpan.FromBounds(_starts[first], Math.Max(_ends[last], _starts[first]));
        }

        public bool IsHole(QuerySpan span)
        {
            for (int i = Math.Max(span.Start, 0); i < Math.Min(span.End, Text.Length); i++)
            {
                if (_hole[i])
                {
                    return true;
                }
            }

            return false;
        }

        private static QueryLiteral Whole(ExpressionSyntax expression, string? constant)
        {
            string text = constant ?? string.Empty;
            var starts = new int[text.Length];
            var ends = new int[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                starts[i] = expression.SpanStart;
                ends[i] = expression.Span.End;
            }

            return new QueryLiteral(text, starts, ends, new bool[text.Length], expression.Span);
        }

        private static QueryLiteral? FromToken(SyntaxToken token)
        {
            string source = token.Text;
            var builder = new Builder();
            int offset = token.SpanStart;
            if (source.StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                // A single-line raw string maps one to one; a multi-line one (indentation removed) is left whole.
                int quotes = 0;
                while (quotes < source.Length && source[quotes] == '"')
                {
                    quotes++;
                }

                string content = source.Substring(quotes, Math.Max(0, source.Length - (2 * quotes)));
                if (content.IndexOf('\n') >= 0)
                {
                    return null;
                }

                for (int i = 0; i < content.Length; i++)
                {
                    builder.Add(content[i], offset + quotes + i, offset + quotes + i + 1);
                }
            }
            else if (source.StartsWith("@\"", StringComparison.Ordinal))
            {
                for (int i = 2; i < source.Length - 1; i++)
                {
                    int start = i;
                    if (source[i] == '"')
                    {
                        i++;
                    }

                    builder.Add(source[i], offset + start, offset + i + 1);
                }
            }
            else if (source.StartsWith("\"", StringComparison.Ordinal))
            {
                if (!AddEscaped(builder, source, 1, source.Length - 1, offset, braces: false))
                {
                    return null;
                }
            }
            else
            {
                return null;
            }

            return builder.Build(token.ValueText, token.Span);
        }

        private static QueryLiteral? FromInterpolated(InterpolatedStringExpressionSyntax interpolated)
        {
            string start = interpolated.StringStartToken.Text;
            bool verbatim = start.IndexOf('@') >= 0;
            if (start.IndexOf("\"\"\"", StringComparison.Ordinal) >= 0)
            {
                return null;
            }

            var builder = new Builder();
            var expected = new StringBuilder();
            foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax text)
                {
                    SyntaxToken token = text.TextToken;
                    expected.Append(token.ValueText);
                    if (verbatim)
                    {
                        string source = token.Text;
                        for (int i = 0; i < source.Length; i++)
                        {
                            int s = i;
                            if ((source[i] == '"' || source[i] == '{' || source[i] == '}') && i + 1 < source.Length && source[i + 1] == source[i])
                            {
                                i++;
                            }

                            builder.Add(source[i], token.SpanStart + s, token.SpanStart + i + 1);
                        }
                    }
                    else if (!AddEscaped(builder, token.Text, 0, token.Text.Length, token.SpanStart, braces: true))
                    {
                        return null;
                    }
                }
                else
                {
                    expected.Append(HolePlaceholder);
                    builder.Add(HolePlaceholder, content.SpanStart, content.Span.End, hole: true);
                }
            }

            return builder.Build(expected.ToString(), interpolated.Span);
        }

        // C# escapes of a regular string: \n, \x1-4 hex, \u, \U (two UTF-16 units), and {{ }} in an interpolation.
        private static bool AddEscaped(Builder builder, string source, int from, int to, int offset, bool braces)
        {
            for (int i = from; i < to; i++)
            {
                int start = i;
                char c = source[i];
                if (braces && (c == '{' || c == '}') && i + 1 < to && source[i + 1] == c)
                {
                    builder.Add(c, offset + start, offset + i + 2);
                    i++;
                    continue;
                }

                if (c != '\\')
                {
                    builder.Add(c, offset + i, offset + i + 1);
                    continue;
                }

                if (i + 1 >= to)
                {
                    return false;
                }

                char e = source[++i];
                string? value = e switch
                {
                    '\'' => "'",
                    '"' => "\"",
                    '\\' => "\\",
                    '0' => "\0",
                    'a' => "\a",
                    'b' => "\b",
                    'e' => "\u001b",
                    'f' => "\f",
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    'v' => "\v",
                    _ => null,
                };
                if (value is null)
                {
                    int digits = e == 'x' ? HexRun(source, i + 1, to, 4) : e == 'u' ? 4 : e == 'U' ? 8 : -1;
                    if (digits <= 0 || i + digits >= to || HexRun(source, i + 1, to, digits) != digits)
                    {
                        return false;
                    }

                    int code = int.Parse(source.Substring(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    value = e == 'U' ? char.ConvertFromUtf32(code) : ((char)code).ToString();
                    i += digits;
                }

                foreach (char v in value)
                {
                    builder.Add(v, offset + start, offset + i + 1);
                }
            }

            return true;
        }

        private static int HexRun(string source, int from, int to, int max)
        {
            int n = 0;
            while (n < max && from + n < to && Uri.IsHexDigit(source[from + n]))
            {
                n++;
            }

            return n;
        }

        private sealed class Builder
        {
            private readonly StringBuilder _text = new StringBuilder();
            private readonly List<int> _starts = new List<int>();
            private readonly List<int> _ends = new List<int>();
            private readonly List<bool> _hole = new List<bool>();

            public void Add(char c, int start, int end, bool hole = false)
            {
                _text.Append(c);
                _starts.Add(start);
                _ends.Add(end);
                _hole.Add(hole);
            }

            // The mapping is used only when it reproduces the compiler's value exactly; otherwise null (whole literal).
            public QueryLiteral? Build(string expected, TextSpan whole) =>
                _text.ToString() == expected
                    ? new QueryLiteral(expected, _starts.ToArray(), _ends.ToArray(), _hole.ToArray(), whole)
                    : null;
        }
    }
}
