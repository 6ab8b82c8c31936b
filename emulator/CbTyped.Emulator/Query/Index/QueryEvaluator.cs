using CbTyped.Emulator.Query.Analysis;
using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>Turns a parsed query into the set of matching documents, one bit set per clause.</summary>
internal sealed class QueryEvaluator(CbSearchIndex index, DateTime now)
{
    private readonly int _length = index.InternalCount;

    public DocSet Evaluate(QueryNode node)
    {
        var result = Eval(node);
        result.And(index.Live);
        return result;
    }

    private DocSet Eval(QueryNode node)
    {
        switch (node)
        {
            case MatchAllNode:
                return index.Live.Clone();
            case NotNode not:
            {
                var all = index.Live.Clone();
                all.AndNot(Eval(not.Child));
                return all;
            }

            case AndNode and:
            {
                // Every child is evaluated (no short-circuit) so a bad value anywhere is always reported.
                var result = Eval(and.Children[0]);
                for (var i = 1; i < and.Children.Count; i++)
                {
                    result.And(Eval(and.Children[i]));
                }

                return result;
            }

            case OrNode or:
            {
                var result = Eval(or.Children[0]);
                for (var i = 1; i < or.Children.Count; i++)
                {
                    result.Or(Eval(or.Children[i]));
                }

                return result;
            }

            case ClauseNode clause:
                return EvalClause(clause);
            default:
                throw new InvalidOperationException($"unknown query node {node.GetType().Name}");
        }
    }

    private DocSet EvalClause(ClauseNode clause)
    {
        if (clause.Field is null)
        {
            return clause.Value is ExistsValue ? index.Live.Clone() : EvalDefaultFields(clause.Value);
        }

        var field = index.FindField(clause.Field);
        if (field is null)
        {
            // A known field no document has: validate the value against its type, then match nothing.
            var definition = index.Schema.TryGetField(clause.Field, out var known)
                ? known
                : new CbFieldDefinition(clause.Field, CbFieldType.Keyword);
            field = new FieldIndex(definition);
        }

        return EvalField(field, clause.Value);
    }

    // A bare term searches every default field; a field whose type cannot read the value is skipped.
    private DocSet EvalDefaultFields(QueryValue value)
    {
        var result = new DocSet(_length);
        foreach (var definition in index.Schema.DefaultFields)
        {
            if (index.FindField(definition.Name) is not { } field)
            {
                continue;
            }

            try
            {
                result.Or(EvalField(field, value));
            }
            catch (SearchSyntaxException)
            {
                // e.g. a word against a number field: that field simply does not match.
            }
        }

        return result;
    }

    private DocSet EvalField(FieldIndex field, QueryValue value)
    {
        if (value is ExistsValue)
        {
            return DocSet.FromPostings(_length, field.Present);
        }

        return field.Type switch
        {
            CbFieldType.Keyword => EvalKeyword(field, value, field.KeepCase ? Same : Lower),
            CbFieldType.Bool => EvalKeyword(field, CheckBool(field, value), Lower),
            CbFieldType.Path => EvalKeyword(field, value, PathAnalyzer.Normalize),
            CbFieldType.Domain => EvalKeyword(field, value, Lower),
            CbFieldType.Text => EvalText(field, value),
            CbFieldType.Cmdline => EvalCmdline(field, value),
            _ => EvalNumeric(field, value),
        };
    }

    private static string Same(string value) => value;

    private static string Lower(string value) => value.ToLowerInvariant();

    private static QueryValue CheckBool(FieldIndex field, QueryValue value)
    {
        var text = value switch
        {
            TermValue term => term.Text,
            PhraseValue phrase => phrase.Text,
            _ => throw QueryErrors.BadValue(field.Definition.Name, "range", "true/false value"),
        };
        return text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? value
            : throw QueryErrors.BadValue(field.Definition.Name, text, "true/false value");
    }

    private DocSet EvalKeyword(FieldIndex field, QueryValue value, Func<string, string> normalize)
    {
        switch (value)
        {
            case TermValue { HasWildcard: true } term:
                return MatchPattern(field, normalize(term.Text));
            case TermValue term:
                return MatchTerm(field, normalize(term.Text));
            case PhraseValue phrase:
                return MatchTerm(field, normalize(phrase.Text));
            case RangeValue range:
            {
                var sorted = field.Terms.Sorted();
                var from = range.Low is null ? 0 : sorted.LowerBound(normalize(range.Low));
                if (range.Low is not null && !range.LowInclusive && from < sorted.Terms.Length
                    && sorted.Terms[from] == normalize(range.Low))
                {
                    from++;
                }

                var result = new DocSet(_length);
                var high = range.High is null ? null : normalize(range.High);
                for (var i = from; i < sorted.Terms.Length; i++)
                {
                    var order = high is null ? -1 : string.CompareOrdinal(sorted.Terms[i], high);
                    if (order > 0 || (order == 0 && !range.HighInclusive))
                    {
                        break;
                    }

                    result.AddAll(field.Terms.Postings(sorted.Ids[i]));
                }

                return result;
            }

            default:
                throw new InvalidOperationException("unexpected value");
        }
    }

    private DocSet MatchTerm(FieldIndex field, string term) =>
        field.Terms.TryGetId(term, out var id)
            ? DocSet.FromPostings(_length, field.Terms.Postings(id))
            : new DocSet(_length);

    private DocSet MatchPattern(FieldIndex field, string pattern)
    {
        var result = new DocSet(_length);
        foreach (var id in MatchingTermIds(field, pattern))
        {
            result.AddAll(field.Terms.Postings(id));
        }

        return result;
    }

    // Terms matching a wildcard pattern; the literal prefix narrows the sorted term list first.
    private static List<int> MatchingTermIds(FieldIndex field, string pattern)
    {
        var ids = new List<int>();
        var sorted = field.Terms.Sorted();
        var (from, to) = sorted.PrefixRange(Wildcard.LiteralPrefix(pattern));
        for (var i = from; i < to; i++)
        {
            if (Wildcard.IsMatch(pattern, sorted.Terms[i]))
            {
                ids.Add(sorted.Ids[i]);
            }
        }

        return ids;
    }

    private DocSet EvalText(FieldIndex field, QueryValue value) => value switch
    {
        TermValue term => EvalPhrase(field, TextAnalyzer.Tokenize(term.Text, keepWildcards: true), wildcards: true),
        PhraseValue phrase => EvalPhrase(field, TextAnalyzer.Tokenize(phrase.Text, keepWildcards: false), wildcards: false),
        _ => EvalKeyword(field, value, Lower),
    };

    private DocSet EvalCmdline(FieldIndex field, QueryValue value)
    {
        var (text, wildcards) = value switch
        {
            TermValue term => (term.Text, true),
            PhraseValue phrase => (phrase.Text, false),
            _ => (string.Empty, false),
        };
        if (value is RangeValue)
        {
            return EvalKeyword(field, value, Lower);
        }

        // The value's first token may be a switch from the middle of a command line (/c) or a program path.
        var asFirst = CmdlineAnalyzer.Tokenize(text);
        var asSwitch = CmdlineAnalyzer.Tokenize(text, firstTokenIsSwitchable: true);
        var result = EvalPhrase(field, asFirst, wildcards);
        if (!asFirst.SequenceEqual(asSwitch))
        {
            result.Or(EvalPhrase(field, asSwitch, wildcards));
        }

        return result;
    }

    // Tokens must appear consecutively in one value. Cmdline tokens also match through their dot suffix (.exe).
    private DocSet EvalPhrase(FieldIndex field, List<string> tokens, bool wildcards)
    {
        if (tokens.Count == 0)
        {
            return new DocSet(_length);
        }

        var positions = new List<HashSet<int>>(tokens.Count);
        DocSet? candidates = null;
        foreach (var token in tokens)
        {
            var ids = wildcards && token.AsSpan().IndexOfAny('*', '?') >= 0
                ? MatchingTermIds(field, token)
                : field.Terms.TryGetId(token, out var id) ? [id] : [];
            if (ids.Count == 0)
            {
                return new DocSet(_length);
            }

            var docs = new DocSet(_length);
            foreach (var termId in ids)
            {
                docs.AddAll(field.Terms.Postings(termId));
            }

            if (candidates is null)
            {
                candidates = docs;
            }
            else
            {
                candidates.And(docs);
            }

            positions.Add([.. ids]);
        }

        if (tokens.Count == 1)
        {
            return candidates!;
        }

        var checks = positions
            .Select(ids => (Func<int, bool>)(token => ids.Contains(token) || ids.Contains(field.DotSuffixOf(token))))
            .ToList();
        var verified = new DocSet(_length);
        foreach (var doc in candidates!)
        {
            if (field.ContainsPhrase(doc, checks))
            {
                verified.Add(doc);
            }
        }

        return verified;
    }

    private DocSet EvalNumeric(FieldIndex field, QueryValue value)
    {
        var (from, to) = NumericWindow(field, value);
        var result = new DocSet(_length);
        var docs = field.NumericDocs;
        var values = field.NumericValues;
        for (var i = 0; i < docs.Length; i++)
        {
            if (values[i] >= from && values[i] <= to)
            {
                result.Add(docs[i]);
            }
        }

        return result;
    }

    // The inclusive [from, to] window of stored longs a numeric, date or address value selects.
    private (long From, long To) NumericWindow(FieldIndex field, QueryValue value)
    {
        var name = field.Definition.Name;
        switch (value)
        {
            case TermValue or PhraseValue:
            {
                var text = value is TermValue term ? term.Text : ((PhraseValue)value).Text;
                switch (field.Type)
                {
                    case CbFieldType.Date:
                        return ValueParsers.TryParseDateWindow(text, now, out var start, out var end)
                            ? (start, end - 1)
                            : throw QueryErrors.BadValue(name, text, "date");
                    case CbFieldType.IpAddress:
                        return ValueParsers.TryParseCidr(text, out var first, out var last)
                            ? (first, last)
                            : throw QueryErrors.BadValue(name, text, "IPv4 address or CIDR block");
                    default:
                        var exact = ParseNumber(field, text);
                        return (exact, exact);
                }
            }

            case RangeValue range:
            {
                var low = range.Low is null ? long.MinValue : Bound(field, range.Low, isUpper: false, range.LowInclusive);
                var high = range.High is null ? long.MaxValue : Bound(field, range.High, isUpper: true, range.HighInclusive);
                if (range.Low is not null && !range.LowInclusive && low < long.MaxValue)
                {
                    low++;
                }

                if (range.High is not null && !range.HighInclusive && high > long.MinValue)
                {
                    high--;
                }

                return (low, high);
            }

            default:
                throw new InvalidOperationException("unexpected value");
        }
    }

    private long Bound(FieldIndex field, string text, bool isUpper, bool inclusive)
    {
        var name = field.Definition.Name;
        switch (field.Type)
        {
            case CbFieldType.Date:
                return ValueParsers.TryParseDateBound(text, now, isUpper, inclusive, out var ticks)
                    ? ticks
                    : throw QueryErrors.BadValue(name, text, "date");
            case CbFieldType.IpAddress:
                return ValueParsers.TryParseIPv4(text, out var address)
                    ? address
                    : throw QueryErrors.BadValue(name, text, "IPv4 address");
            default:
                return ParseNumber(field, text);
        }
    }

    private static long ParseNumber(FieldIndex field, string text)
    {
        if (field.Type == CbFieldType.RealNumber)
        {
            return ValueParsers.TryParseFloat(text, out var real)
                ? SortableDouble.ToLong(real)
                : throw QueryErrors.BadValue(field.Definition.Name, text, "number");
        }

        return ValueParsers.TryParseInteger(text, out var number)
            ? number
            : throw QueryErrors.BadValue(field.Definition.Name, text, "integer");
    }
}
