using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CbTyped.Emulator.Search;

/// <summary>
/// A deliberately small stand-in for the real query engine (emulator/…/Query, owned by the query work): it scans
/// every document and understands fields, phrases, wildcards, ranges, negation, AND/OR and parentheses well enough
/// for the seed scenario. <see cref="SearchEngineFactory"/> replaces it once the real engine lands.
/// </summary>
public sealed class ScanSearchEngine : ISearchEngine
{
    public ISearchIndex Build(SearchIndexKind kind, IReadOnlyList<ISearchDocument> documents)
    {
        var index = new ScanIndex(kind);
        for (var i = 0; i < documents.Count; i++)
        {
            index.Upsert(i, documents[i]);
        }

        return index;
    }

    private sealed class FieldBag : ISearchFieldSink
    {
        public Dictionary<string, List<object>> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void Add(string field, string value) => Put(field, value);

        public void Add(string field, long value) => Put(field, value);

        public void Add(string field, double value) => Put(field, value);

        public void Add(string field, bool value) => Put(field, value);

        public void Add(string field, DateTime utcValue) => Put(field, utcValue);

        public void AddIPv4(string field, uint address) => Put(field, address);

        private void Put(string field, object value)
        {
            if (!Fields.TryGetValue(field, out var list))
            {
                list = [];
                Fields[field] = list;
            }

            list.Add(value);
        }
    }

    private sealed class ScanIndex(SearchIndexKind kind) : ISearchIndex
    {
        private readonly List<FieldBag> bags = [];

        public void Upsert(int ordinal, ISearchDocument document)
        {
            var bag = new FieldBag();
            document.WriteFields(bag);
            if (ordinal == bags.Count)
            {
                bags.Add(bag);
            }
            else
            {
                bags[ordinal] = bag;
            }
        }

        public SearchResult Search(SearchRequest request)
        {
            var terms = new List<string>();
            var matchers = new List<Func<FieldBag, bool>> { new Parser(request.Query, terms, kind).ParseAll() };
            foreach (var (field, value) in request.Clauses)
            {
                matchers.Add(new Parser(field + ":" + value, terms, kind).ParseAll());
            }

            foreach (var (field, value) in request.Filters)
            {
                terms.Add(field + ":" + value);
                matchers.Add(bag => bag.Fields.TryGetValue(field, out var values)
                    && values.Any(v => string.Equals(Format(v), value, StringComparison.OrdinalIgnoreCase)));
            }

            IEnumerable<int> hits = Enumerable.Range(0, bags.Count).Where(i => matchers.TrueForAll(m => m(bags[i])));
            var (sortField, descending) = ParseSort(request.Sort);
            var ordered = descending
                ? hits.OrderByDescending(i => First(bags[i], sortField), Comparer.Instance)
                : hits.OrderBy(i => First(bags[i], sortField), Comparer.Instance);
            var all = ordered.ThenBy(i => i).ToList();
            if (request.GroupByProcessId)
            {
                all = [.. all.DistinctBy(i => First(bags[i], "process_id"))];
            }

            var facets = new Dictionary<string, IReadOnlyList<FacetBucket>>(StringComparer.Ordinal);
            foreach (var field in request.FacetFields)
            {
                facets[field] = [.. all.SelectMany(i => bags[i].Fields.GetValueOrDefault(field) ?? []).Select(Format)
                    .GroupBy(v => v, StringComparer.Ordinal).Select(g => new FacetBucket(g.Key, g.Count()))
                    .OrderByDescending(b => b.Count).ThenBy(b => b.Name, StringComparer.Ordinal).Take(200)];
            }

            return new SearchResult(all.Count, [.. all.Skip(request.Start).Take(request.Rows)], terms, facets);
        }

        private (string Field, bool Descending) ParseSort(string? sort)
        {
            var text = string.IsNullOrWhiteSpace(sort)
                ? kind switch
                {
                    SearchIndexKind.Process => "last_update desc",
                    SearchIndexKind.Binary => "server_added_timestamp desc",
                    SearchIndexKind.Alert => "created_time desc",
                    _ => "severity_score desc",
                }
                : sort;
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (parts[0], parts.Length < 2 || !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase));
        }

        private static object? First(FieldBag bag, string field) =>
            bag.Fields.TryGetValue(field, out var values) && values.Count > 0 ? values[0] : null;
    }

    private sealed class Comparer : IComparer<object?>
    {
        public static readonly Comparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (IComparable a, _) when a.GetType() == y.GetType() => a.CompareTo(y),
            _ => string.CompareOrdinal(Format(x), Format(y)),
        };
    }

    private static string Format(object value) => value switch
    {
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        uint ip => Data.ProcessFactory.ToDotted(ip),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Recursive descent over reference §3.1's grammar; values keep colons and backslashes.</summary>
    private sealed class Parser(string text, List<string> terms, SearchIndexKind kind)
    {
        private int position;

        public Func<FieldBag, bool> ParseAll()
        {
            SkipSpace();
            if (position >= text.Length || text.Trim() is "*" or "*:*")
            {
                return _ => true;
            }

            var result = ParseOr();
            SkipSpace();
            if (position < text.Length)
            {
                throw new SearchSyntaxException("unexpected '" + text[position] + "' at " + position);
            }

            return result;
        }

        private Func<FieldBag, bool> ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("OR"))
            {
                var a = left;
                var b = ParseAnd();
                left = bag => a(bag) || b(bag);
            }

            return left;
        }

        private Func<FieldBag, bool> ParseAnd()
        {
            var parts = new List<Func<FieldBag, bool>> { ParseUnary() };
            while (true)
            {
                SkipSpace();
                if (position >= text.Length || text[position] == ')' || PeekKeyword("OR"))
                {
                    break;
                }

                TryKeyword("AND");
                parts.Add(ParseUnary());
            }

            return bag => parts.TrueForAll(p => p(bag));
        }

        private Func<FieldBag, bool> ParseUnary()
        {
            SkipSpace();
            if (position < text.Length && text[position] == '-')
            {
                position++;
                var inner = ParseUnary();
                return bag => !inner(bag);
            }

            if (TryKeyword("NOT"))
            {
                var inner = ParseUnary();
                return bag => !inner(bag);
            }

            if (position < text.Length && text[position] == '(')
            {
                position++;
                var inner = ParseOr();
                SkipSpace();
                if (position >= text.Length || text[position] != ')')
                {
                    throw new SearchSyntaxException("unbalanced parentheses");
                }

                position++;
                return inner;
            }

            if (position < text.Length && text[position] == ')')
            {
                throw new SearchSyntaxException("unbalanced parentheses");
            }

            return ParseTerm();
        }

        private Func<FieldBag, bool> ParseTerm()
        {
            var start = position;
            string? field = null;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '.'))
            {
                position++;
            }

            if (position < text.Length && text[position] == ':' && position > start)
            {
                field = text[start..position];
                position++;
            }
            else
            {
                position = start;
            }

            var (value, phrase) = ReadValue();
            terms.Add((field is null ? "" : field + ":") + value);
            var fields = field is null ? DefaultFields(kind) : [field];
            var lowered = value.ToLowerInvariant();
            if (!phrase && lowered.StartsWith('[') && lowered.EndsWith(']'))
            {
                var bounds = lowered[1..^1].Split(" to ", StringSplitOptions.TrimEntries);
                if (bounds.Length != 2)
                {
                    throw new SearchSyntaxException("bad range " + value);
                }

                return bag => fields.Any(f => bag.Fields.TryGetValue(f, out var vs) && vs.Any(v => InRange(v, bounds[0], bounds[1])));
            }

            if (!phrase && lowered == "*")
            {
                return bag => fields.Any(f => bag.Fields.ContainsKey(f));
            }

            return bag => fields.Any(f => bag.Fields.TryGetValue(f, out var vs) && vs.Any(v => Matches(f, v, lowered, phrase)));
        }

        private (string Value, bool Phrase) ReadValue()
        {
            if (position < text.Length && text[position] == '"')
            {
                var builder = new StringBuilder();
                position++;
                while (position < text.Length && text[position] != '"')
                {
                    if (text[position] == '\\' && position + 1 < text.Length && text[position + 1] == '"')
                    {
                        position++;
                    }

                    builder.Append(text[position++]);
                }

                if (position >= text.Length)
                {
                    throw new SearchSyntaxException("unterminated phrase");
                }

                position++;
                return (builder.ToString(), true);
            }

            if (position < text.Length && text[position] == '[')
            {
                var end = text.IndexOf(']', position);
                if (end < 0)
                {
                    throw new SearchSyntaxException("unterminated range");
                }

                var range = text[position..(end + 1)];
                position = end + 1;
                return (range, false);
            }

            var value = new StringBuilder();
            while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('(' or ')'))
            {
                if (text[position] == '\\' && position + 1 < text.Length && (char.IsWhiteSpace(text[position + 1]) || text[position + 1] is '(' or ')' or '"'))
                {
                    position++;
                }

                value.Append(text[position++]);
            }

            if (value.Length == 0)
            {
                throw new SearchSyntaxException("missing value at " + position);
            }

            return (value.ToString(), false);
        }

        private static bool Matches(string field, object value, string query, bool phrase)
        {
            switch (value)
            {
                case string s:
                    var lower = s.ToLowerInvariant();
                    if (field.Equals("cmdline", StringComparison.OrdinalIgnoreCase))
                    {
                        return PhraseMatch(CmdlineTokens(lower), CmdlineTokens(query));
                    }

                    if (IsPathField(field))
                    {
                        var normalised = lower.Replace('/', '\\');
                        var q = query.Replace('/', '\\').TrimStart('\\');
                        return Suffixes(normalised).Any(suffix => Glob(suffix, q));
                    }

                    if (field.Equals("domain", StringComparison.OrdinalIgnoreCase))
                    {
                        return ("." + lower + ".").Contains(query.Trim('.'), StringComparison.Ordinal);
                    }

                    return phrase && !IsKeywordField(field) ? lower.Contains(query, StringComparison.Ordinal) : Glob(lower, query);
                case bool b:
                    return query == (b ? "true" : "false");
                case long l:
                    return long.TryParse(query, CultureInfo.InvariantCulture, out var n) && n == l;
                case double d:
                    return double.TryParse(query, CultureInfo.InvariantCulture, out var x) && Math.Abs(x - d) < 1e-9;
                case DateTime t:
                    return DateTime.TryParse(query, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
                        && t >= day && t < day.AddDays(1);
                case uint ip:
                    return Cidr(ip, query);
                default:
                    return false;
            }
        }

        private static bool InRange(object value, string low, string high)
        {
            int Cmp(string bound) => value switch
            {
                long l => l.CompareTo(long.Parse(bound, CultureInfo.InvariantCulture)),
                double d => d.CompareTo(double.Parse(bound, CultureInfo.InvariantCulture)),
                DateTime t => t.CompareTo(DateTime.Parse(bound, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)),
                _ => string.Compare(Format(value), bound, StringComparison.OrdinalIgnoreCase),
            };
            try
            {
                return (low == "*" || Cmp(low) >= 0) && (high == "*" || Cmp(high) <= 0);
            }
            catch (FormatException)
            {
                throw new SearchSyntaxException("bad range bound");
            }
        }

        private static bool Cidr(uint ip, string query)
        {
            var slash = query.IndexOf('/', StringComparison.Ordinal);
            var bits = slash < 0 ? 32 : int.Parse(query[(slash + 1)..], CultureInfo.InvariantCulture);
            var network = Data.ProcessFactory.ToIp(slash < 0 ? query : query[..slash]);
            var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
            return (ip & mask) == (network & mask);
        }

        private static bool IsPathField(string field) =>
            field.ToLowerInvariant() is "path" or "filemod" or "modload" or "regmod" or "observed_filename" or "process_path";

        private static bool IsKeywordField(string field) =>
            field.ToLowerInvariant() is "process_name" or "hostname" or "username" or "group" or "status" or "digsig_result";

        private static IEnumerable<string> Suffixes(string path)
        {
            yield return path;
            for (var i = path.IndexOf('\\', StringComparison.Ordinal); i >= 0; i = path.IndexOf('\\', i + 1))
            {
                yield return path[(i + 1)..];
            }
        }

        private static readonly char[] CmdlineSeparators = ['\\', '"', '\'', '(', ')', '[', ']', '{', '}', ',', '=', '<', '>', '&', '|', ';', ' ', '\t'];

        private static string[] CmdlineTokens(string text) => text.Split(CmdlineSeparators, StringSplitOptions.RemoveEmptyEntries);

        private static bool PhraseMatch(string[] tokens, string[] query)
        {
            if (query.Length == 0)
            {
                return false;
            }

            for (var i = 0; i + query.Length <= tokens.Length; i++)
            {
                var all = true;
                for (var j = 0; j < query.Length && all; j++)
                {
                    all = Glob(tokens[i + j], query[j]);
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Glob(string value, string pattern) =>
            pattern.Contains('*', StringComparison.Ordinal)
                ? Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                : value == pattern;

        private static string[] DefaultFields(SearchIndexKind kind) => kind switch
        {
            SearchIndexKind.Process => ["process_name", "path", "cmdline", "username", "hostname", "group", "md5", "parent_name", "childproc_name", "domain"],
            SearchIndexKind.Binary => ["md5", "original_filename", "company_name", "product_name", "file_desc", "digsig_publisher", "observed_filename", "hostname"],
            SearchIndexKind.Alert => ["process_name", "hostname", "username", "md5", "watchlist_name", "feed_name", "ioc_value", "status"],
            _ => ["title", "description", "md5", "domain", "tags", "feed_name"],
        };

        private void SkipSpace()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private bool PeekKeyword(string keyword) =>
            string.Compare(text, position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
            && position + keyword.Length < text.Length && char.IsWhiteSpace(text[position + keyword.Length]);

        private bool TryKeyword(string keyword)
        {
            SkipSpace();
            if (!PeekKeyword(keyword))
            {
                return false;
            }

            position += keyword.Length;
            return true;
        }
    }
}
