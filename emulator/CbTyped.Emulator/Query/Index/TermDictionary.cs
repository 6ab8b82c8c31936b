namespace CbTyped.Emulator.Query.Index;

/// <summary>
/// The terms of one field and their posting lists (ascending internal document ids). Most terms of a big index
/// (GUIDs, unique ids) occur once, so a one-document posting is stored inline and a list is allocated only for the
/// second document: this keeps 1,000,000 processes within a few hundred MB.
/// </summary>
internal sealed class TermDictionary
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIds;
    private readonly List<string> _terms = [];
    private readonly IntList _firstDoc = new(16);
    private readonly List<IntList?> _moreDocs = [];
    private SortedTerms? _sorted;

    public TermDictionary()
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        _spanIds = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _terms.Count;

    public string this[int termId] => _terms[termId];

    /// <summary>Adds <paramref name="doc"/> to the term's postings and returns the term id.</summary>
    public int Add(string term, int doc) => Add(term.AsSpan(), term, doc);

    /// <summary>
    /// The same for a term in a buffer: indexing looks terms up by span and allocates a string only for a new term,
    /// which saves most allocations (paths and names repeat across documents).
    /// </summary>
    public int Add(ReadOnlySpan<char> term, int doc) => Add(term, null, doc);

    private int Add(ReadOnlySpan<char> term, string? termString, int doc)
    {
        if (!_spanIds.TryGetValue(term, out var id))
        {
            termString ??= term.ToString();
            id = _terms.Count;
            _ids.Add(termString, id);
            _terms.Add(termString);
            _firstDoc.Add(doc);
            _moreDocs.Add(null);
            _sorted = null;
            return id;
        }

        var more = _moreDocs[id];
        if (more is null)
        {
            if (_firstDoc[id] != doc)
            {
                more = new IntList(4);
                more.Add(_firstDoc[id]);
                more.Add(doc);
                _moreDocs[id] = more;
            }
        }
        else
        {
            more.AddDistinctAscending(doc);
        }

        return id;
    }

    public bool TryGetId(string term, out int termId) => _ids.TryGetValue(term, out termId);

    public ReadOnlySpan<int> Postings(int termId) =>
        _moreDocs[termId] is { } more ? more.Span : _firstDoc.Span.Slice(termId, 1);

    /// <summary>The terms in ordinal order (built on first use after a change; callers hold the index's lock).</summary>
    public SortedTerms Sorted()
    {
        var sorted = _sorted;
        if (sorted is not null)
        {
            return sorted;
        }

        lock (_ids)
        {
            if (_sorted is null)
            {
                var ids = new int[_terms.Count];
                var terms = new string[_terms.Count];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = i;
                    terms[i] = _terms[i];
                }

                Array.Sort(terms, ids, StringComparer.Ordinal);
                _sorted = new SortedTerms(terms, ids);
            }

            return _sorted;
        }
    }
}
