using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CbTyped.Generator.Parsing;
using CbTyped.QueryLanguage;

namespace CbTyped.Analyzers
{
    /// <summary>
    /// Checks one query text against a model's search fields with the shared grammar (querylanguage/): syntax, unknown
    /// and unsearchable fields, typed values, wildcards, values cut short by a parenthesis. Positions are indexes
    /// into the text; <c>isHole</c> marks spans that come from an interpolation hole, which are not checked.
    /// </summary>
    internal static class QueryChecker
    {
        // "name:" written where the parser saw no field: a misspelt or foreign field. One-letter names are drive
        // letters (c:\windows), and a value starting with / or \ is a URL or path (http://, c:\).
        private static readonly Regex FieldLike = new Regex(@"^([A-Za-z_][A-Za-z0-9_.]+):(?![/\\])", RegexOptions.CultureInvariant);

        // Relative dates need a "now"; any fixed instant checks the shape as well.
        private static readonly DateTime Now = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static List<QueryFinding> Check(string query, SearchSchema schema, Func<QuerySpan, bool> isHole)
        {
            var findings = new List<QueryFinding>();
            QueryNode root;
            try
            {
                root = CbQueryParser.Parse(query, schema.IsField);
            }
            catch (CbQuerySyntaxException e)
            {
                var span = new QuerySpan(e.Position, e.Length);
                if (!isHole(span))
                {
                    findings.Add(new QueryFinding(QueryDiagnostics.Syntax, span, new object[] { e.Problem }));
                }

                return findings;
            }

            Visit(root, query, schema, isHole, findings);
            return findings;
        }

        private static void Visit(QueryNode node, string query, SearchSchema schema, Func<QuerySpan, bool> isHole, List<QueryFinding> findings)
        {
            switch (node)
            {
                case AndNode and:
                    foreach (QueryNode child in and.Children)
                    {
                        Visit(child, query, schema, isHole, findings);
                    }

                    break;
                case OrNode or:
                    foreach (QueryNode child in or.Children)
                    {
                        Visit(child, query, schema, isHole, findings);
                    }

                    break;
                case NotNode not:
                    Visit(not.Child, query, schema, isHole, findings);
                    break;
                case ClauseNode clause when !isHole(clause.ValueSpan):
                    CheckClause(clause, query, schema, findings);
                    break;
            }
        }

        private static void CheckClause(ClauseNode clause, string query, SearchSchema schema, List<QueryFinding> findings)
        {
            if (clause.Field is null)
            {
                CheckBareTerm(clause, query, schema, findings);
            }
            else if (schema.IsNotSearchable(clause.Field))
            {
                if (clause.FieldSpan is QuerySpan fieldSpan)
                {
                    findings.Add(new QueryFinding(QueryDiagnostics.NotSearchable, fieldSpan, new object[] { clause.Field, schema.ModelName }));
                }
            }
            else if (schema.TryGetKind(clause.Field, out SearchKind kind) && kind != SearchKind.Text)
            {
                CheckTypedValue(clause, kind, findings);
            }

            if (clause.Value is TermValue term && clause.ValueSpan.End < query.Length && query[clause.ValueSpan.End] == '(')
            {
                int close = query.IndexOf(')', clause.ValueSpan.End);
                string meant = close < 0 ? term.Text + "(" : query.Substring(clause.ValueSpan.Start, close + 1 - clause.ValueSpan.Start);
                findings.Add(new QueryFinding(QueryDiagnostics.NeedsEscaping, clause.ValueSpan, new object[] { term.Text, meant }));
            }
        }

        private static void CheckBareTerm(ClauseNode clause, string query, SearchSchema schema, List<QueryFinding> findings)
        {
            if (clause.Value is not TermValue)
            {
                return;
            }

            Match match = FieldLike.Match(query.Substring(clause.ValueSpan.Start, clause.ValueSpan.Length));
            if (!match.Success)
            {
                return;
            }

            string name = match.Groups[1].Value;
            string? nearest = NearestKey.Find(name, schema.FieldNames);
            var properties = nearest is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(QueryDiagnostics.SuggestionProperty, nearest);
            findings.Add(new QueryFinding(
                QueryDiagnostics.UnknownField,
                new QuerySpan(clause.ValueSpan.Start, name.Length),
                new object[] { name, schema.ModelName, nearest is null ? string.Empty : $" (did you mean '{nearest}'?)" },
                properties));
        }

        private static void CheckTypedValue(ClauseNode clause, SearchKind kind, List<QueryFinding> findings)
        {
            switch (clause.Value)
            {
                case TermValue term when term.HasWildcard:
                    findings.Add(new QueryFinding(QueryDiagnostics.WildcardNotAllowed, clause.ValueSpan, new object[] { clause.Field!, KindName(kind), term.Text }));
                    break;
                case TermValue term when !IsValid(term.Text, kind, bound: false):
                    findings.Add(new QueryFinding(QueryDiagnostics.BadValue, clause.ValueSpan, new object[] { term.Text, KindName(kind), clause.Field! }));
                    break;
                case PhraseValue phrase when !IsValid(phrase.Text, kind, bound: false):
                    findings.Add(new QueryFinding(QueryDiagnostics.BadValue, clause.ValueSpan, new object[] { phrase.Text, KindName(kind), clause.Field! }));
                    break;
                case RangeValue range:
                    if (range.Low is not null && !IsValid(range.Low, kind, bound: true))
                    {
                        findings.Add(new QueryFinding(QueryDiagnostics.BadValue, range.LowSpan, new object[] { range.Low, KindName(kind), clause.Field! }));
                    }

                    if (range.High is not null && !IsValid(range.High, kind, bound: true))
                    {
                        findings.Add(new QueryFinding(QueryDiagnostics.BadValue, range.HighSpan, new object[] { range.High, KindName(kind), clause.Field! }));
                    }

                    break;
            }
        }

        private static bool IsValid(string text, SearchKind kind, bool bound)
        {
            switch (kind)
            {
                case SearchKind.Number:
                    return ValueParsers.TryParseFloat(text, out _);
                case SearchKind.Date:
                    return bound
                        ? ValueParsers.TryParseDateBound(text, Now, isUpper: false, inclusive: true, out _)
                        : ValueParsers.TryParseDateWindow(text, Now, out _, out _);
                case SearchKind.Bool:
                    return text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);
                case SearchKind.Ip:
                    return bound ? ValueParsers.TryParseIPv4(text, out _) : ValueParsers.TryParseCidr(text, out _, out _);
                default:
                    return true;
            }
        }

        private static string KindName(SearchKind kind)
        {
            switch (kind)
            {
                case SearchKind.Number:
                    return "number";
                case SearchKind.Date:
                    return "date";
                case SearchKind.Bool:
                    return "bool (true or false)";
                case SearchKind.Ip:
                    return "IPv4 address or CIDR block";
                default:
                    return "text";
            }
        }
    }
}
