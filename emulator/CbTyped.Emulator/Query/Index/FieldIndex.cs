using System.Globalization;
using CbTyped.Emulator.Query.Analysis;
using CbTyped.Emulator.Query.Schema;

namespace CbTyped.Emulator.Query.Index;

/// <summary>
/// Everything indexed for one field: terms and postings (string-like types), token sequences for phrase checks
/// (text, cmdline), numeric values beside their documents (numbers, dates, addresses), the documents that have the
/// field at all, and the first whole value per document for sorting (path, text, cmdline, domain).
/// </summary>
internal sealed class FieldIndex
{
    private readonly IntList _present = new(16);
    private readonly IntList _numDocs = new(16);
    private readonly LongList _numValues = new();
    private readonly IntList _seqDocs = new(16);
    private readonly IntList _seqStarts = new(16);
    private readonly IntList _seqTokens = new(16);
    private readonly IntList _dotSuffix = new(16);
    private readonly IntList _valueDocs = new(16);
    private readonly IntList _valueIds = new(16);
    private readonly Dictionary<string, int> _wholeIds = new(StringComparer.Ordinal);
    private readonly List<string> _wholes = [];

    public FieldIndex(CbFieldDefinition definition, bool keepCase = false)
    {
        Definition = definition;
        KeepCase = keepCase;
    }

    public CbFieldDefinition Definition { get; }

    public CbFieldType Type => Definition.Type;

    /// <summary>Facet fields keep the value's case; searchable fields are lower-cased.</summary>
    public bool KeepCase { get; }

    public TermDictionary Terms { get; } = new();

    public ReadOnlySpan<int> Present => _present.Span;

    public ReadOnlySpan<int> NumericDocs => _numDocs.Span;

    public ReadOnlySpan<long> NumericValues => _numValues.Span;

    public bool IsNumeric => Type is CbFieldType.WholeNumber or CbFieldType.RealNumber or CbFieldType.Date or CbFieldType.IpAddress;

    public bool HasSequences => Type is CbFieldType.Text or CbFieldType.Cmdline;

    public void AddString(int doc, string value)
    {
        switch (Type)
        {
            case CbFieldType.Keyword:
            case CbFieldType.Bool:
                if (KeepCase)
                {
                    Terms.Add(value, doc);
                }
                else
                {
                    Span<char> lowered = value.Length <= 512 ? stackalloc char[value.Length] : new char[value.Length];
                    Terms.Add(lowered[..value.AsSpan().ToLowerInvariant(lowered)], doc);
                }

                break;
            case CbFieldType.Path:
                AddPath(doc, value);
                break;
            case CbFieldType.Domain:
                DomainAnalyzer.Terms(value, (this, doc), static (s, term) => s.Item1.Terms.Add(term, s.doc));
                AddWholeValue(doc, value.ToLowerInvariant());
                break;
            case CbFieldType.Text:
                AddSequence(doc, TextAnalyzer.Tokenize(value, keepWildcards: false), dotSuffixes: false);
                AddWholeValue(doc, value.ToLowerInvariant());
                break;
            case CbFieldType.Cmdline:
                AddSequence(doc, CmdlineAnalyzer.Tokenize(value), dotSuffixes: true);
                AddWholeValue(doc, value.ToLowerInvariant());
                break;
            case CbFieldType.Date:
                if (DateTime.TryParse(value, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                {
                    AddNumber(doc, date.Ticks);
                }

                return;
            case CbFieldType.IpAddress:
                if (CbTyped.QueryLanguage.ValueParsers.TryParseIPv4(value, out var address))
                {
                    AddNumber(doc, address);
                }

                return;
            case CbFieldType.WholeNumber:
                if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    AddNumber(doc, number);
                }

                return;
            case CbFieldType.RealNumber:
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                {
                    AddNumber(doc, SortableDouble.ToLong(real));
                }

                return;
        }

        _present.AddDistinctAscending(doc);
    }

    public void AddLong(int doc, long value)
    {
        switch (Type)
        {
            case CbFieldType.WholeNumber:
            case CbFieldType.Date:
                AddNumber(doc, value);
                break;
            case CbFieldType.IpAddress:
                AddNumber(doc, (uint)value);
                break;
            case CbFieldType.RealNumber:
                AddNumber(doc, SortableDouble.ToLong(value));
                break;
            default:
                AddString(doc, value.ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    public void AddDouble(int doc, double value)
    {
        if (Type == CbFieldType.RealNumber)
        {
            AddNumber(doc, SortableDouble.ToLong(value));
        }
        else if (Type == CbFieldType.WholeNumber)
        {
            AddNumber(doc, (long)value);
        }
        else
        {
            AddString(doc, value.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void AddDate(int doc, DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        if (Type == CbFieldType.Date)
        {
            AddNumber(doc, utc.Ticks);
        }
        else
        {
            AddString(doc, utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture));
        }
    }

    public void AddIPv4(int doc, uint address)
    {
        if (Type == CbFieldType.IpAddress)
        {
            AddNumber(doc, address);
        }
        else
        {
            AddString(doc, $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");
        }
    }

    /// <summary>Checks a document's sequences for consecutive tokens matching <paramref name="positions"/>.</summary>
    public bool ContainsPhrase(int doc, IReadOnlyList<Func<int, bool>> positions)
    {
        var tokens = _seqTokens.Span;
        var seqDocs = _seqDocs.Span;
        for (var i = LowerBound(seqDocs, doc); i < seqDocs.Length && seqDocs[i] == doc; i++)
        {
            var start = _seqStarts[i];
            var end = i + 1 < _seqStarts.Count ? _seqStarts[i + 1] : tokens.Length;
            for (var at = start; at + positions.Count <= end; at++)
            {
                var all = true;
                for (var k = 0; k < positions.Count && all; k++)
                {
                    all = positions[k](tokens[at + k]);
                }

                if (all)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The term id of a cmdline token's last-dot suffix (<c>.exe</c>), or -1.</summary>
    public int DotSuffixOf(int termId) => termId < _dotSuffix.Count ? _dotSuffix[termId] : -1;

    /// <summary>
    /// For sorting: (document, whole-value id) pairs, first value per document, and the distinct lower-cased whole
    /// values by id. Values are interned, so repeated paths and command lines are stored once.
    /// </summary>
    public (int[] Docs, int[] ValueIds, IReadOnlyList<string> Values) WholeValues() =>
        (_valueDocs.Span.ToArray(), _valueIds.Span.ToArray(), _wholes);

    private void AddNumber(int doc, long value)
    {
        _numDocs.Add(doc);
        _numValues.Add(value);
        _present.AddDistinctAscending(doc);
    }

    // Every suffix sub-path as a term, looked up by span so a repeated path allocates nothing.
    private void AddPath(int doc, string value)
    {
        Span<char> buffer = value.Length <= 512 ? stackalloc char[value.Length] : new char[value.Length];
        var path = PathAnalyzer.Normalize(value, buffer);
        if (path.Length == 0)
        {
            return;
        }

        Terms.Add(path, doc);
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (path[i] == '\\' && path[i + 1] != '\\')
            {
                Terms.Add(path[(i + 1)..], doc);
            }
        }

        AddWholeValue(doc, path);
    }

    private void AddWholeValue(int doc, ReadOnlySpan<char> value)
    {
        if (_valueDocs.Count == 0 || _valueDocs.Last != doc)
        {
            var lookup = _wholeIds.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(value, out var id))
            {
                var text = value.ToString();
                id = _wholes.Count;
                _wholeIds.Add(text, id);
                _wholes.Add(text);
            }

            _valueDocs.Add(doc);
            _valueIds.Add(id);
        }
    }

    private void AddSequence(int doc, List<string> tokens, bool dotSuffixes)
    {
        _seqDocs.Add(doc);
        _seqStarts.Add(_seqTokens.Count);
        foreach (var token in tokens)
        {
            var id = Terms.Add(token, doc);
            _seqTokens.Add(id);
            if (dotSuffixes)
            {
                var suffix = CmdlineAnalyzer.DotSuffix(token);
                var suffixId = suffix is null ? -1 : Terms.Add(suffix, doc);
                while (_dotSuffix.Count < Terms.Count)
                {
                    _dotSuffix.Add(-1);
                }

                if (suffixId >= 0)
                {
                    _dotSuffix.Set(id, suffixId);
                }
            }
        }
    }

    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
