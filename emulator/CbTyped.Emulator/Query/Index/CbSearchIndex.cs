using System.Diagnostics;
using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>
/// One collection's index. Hand-written in-memory inverted index rather than Lucene.Net: Cb's matching rules (path
/// suffixes, domain anchors, CIDR blocks, 24 h date windows, relative times, cmdline phrases with dot suffixes) map
/// directly onto term postings + numeric columns + bit sets, while Lucene would need an analyzer per rule and a
/// query translation layer for the same result; measured in docs/benchmarks.md (1,000,000 processes: a search page
/// in a few ms, well under the 100 ms target).
/// Documents are addressed by the caller's ordinal; an upsert re-indexes under a fresh internal id and retires the
/// old one, so postings stay append-only and sorted. Searches share a read lock; upserts take the write lock.
/// </summary>
internal sealed class CbSearchIndex : ISearchIndex, IDisposable
{
    private readonly Dictionary<string, FieldIndex> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FacetField> _facets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FacetField[]> _facetsBySource = new(StringComparer.Ordinal);
    private readonly IntList _ordinalOfInternal = new(1024);
    private readonly IntList _internalOfOrdinal = new(1024);
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _cacheLock = new();
    private readonly Dictionary<string, long[]> _sortColumns = new(StringComparer.Ordinal);
    private readonly DocumentSink _sink;
    private readonly TimeProvider _time;
    private DocSet? _live;
    private int[]? _groupColumn;

    /// <summary>Creates an empty index for <paramref name="schema"/>.</summary>
    public CbSearchIndex(CbIndexSchema schema, TimeProvider? time = null)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _time = time ?? TimeProvider.System;
        _sink = new DocumentSink(this);
        foreach (var facet in schema.Facets)
        {
            var field = new FacetField(facet);
            _facets.Add(facet.Name, field);
            _facetsBySource[facet.SourceField] = _facetsBySource.TryGetValue(facet.SourceField, out var existing)
                ? [.. existing, field]
                : [field];
        }
    }

    /// <summary>The collection's schema.</summary>
    public CbIndexSchema Schema { get; }

    /// <summary>How many documents (ordinals) the index holds.</summary>
    public int Count => _internalOfOrdinal.Count;

    internal int InternalCount => _ordinalOfInternal.Count;

    /// <summary>Indexes documents in order; the first gets ordinal <see cref="Count"/>.</summary>
    public void AddRange(IEnumerable<ISearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _lock.EnterWriteLock();
        try
        {
            foreach (var document in documents)
            {
                AddUnlocked(_internalOfOrdinal.Count, document);
            }

            InvalidateCaches();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <inheritdoc />
    public void Upsert(int ordinal, ISearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _lock.EnterWriteLock();
        try
        {
            if (ordinal < 0 || ordinal > _internalOfOrdinal.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, "ordinal must be an existing one or Count");
            }

            if (ordinal < _internalOfOrdinal.Count)
            {
                _ordinalOfInternal.Set(_internalOfOrdinal[ordinal], -1);
            }

            AddUnlocked(ordinal, document);
            InvalidateCaches();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <inheritdoc />
    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _lock.EnterReadLock();
        try
        {
            return SearchUnlocked(request);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    /// <summary>Whether <paramref name="name"/> can start a fielded clause: a schema field or one a document used.</summary>
    internal bool IsField(string name) => _fields.ContainsKey(name) || Schema.TryGetField(name, out _);

    internal FieldIndex? FindField(string name) => _fields.GetValueOrDefault(name);

    internal FacetField? FindFacet(string name) => _facets.GetValueOrDefault(name);

    /// <summary>The field to index into, created on first use with the schema's type or the inferred one.</summary>
    internal FieldIndex Field(string name, CbFieldType inferredType)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            var definition = Schema.TryGetField(name, out var known) ? known : new CbFieldDefinition(name, inferredType);
            field = new FieldIndex(definition);
            _fields.Add(name, field);
        }

        return field;
    }

    internal FacetField[] FacetsOf(string sourceField) =>
        _facetsBySource.TryGetValue(sourceField, out var facets) ? facets : [];

    internal int OrdinalOf(int internalId) => _ordinalOfInternal[internalId];

    /// <summary>The documents that are current (not replaced by an upsert).</summary>
    internal DocSet Live
    {
        get
        {
            var live = _live;
            if (live is not null)
            {
                return live;
            }

            lock (_cacheLock)
            {
                if (_live is null)
                {
                    var set = new DocSet(InternalCount);
                    for (var i = 0; i < InternalCount; i++)
                    {
                        if (_ordinalOfInternal[i] >= 0)
                        {
                            set.Add(i);
                        }
                    }

                    _live = set;
                }

                return _live;
            }
        }
    }

    /// <summary>A per-document sort key column (long.MinValue = no value), built once per index version.</summary>
    internal long[] SortColumn(FieldIndex field)
    {
        lock (_cacheLock)
        {
            if (!_sortColumns.TryGetValue(field.Definition.Name, out var column))
            {
                column = SortColumns.Build(field, InternalCount);
                _sortColumns.Add(field.Definition.Name, column);
            }

            return column;
        }
    }

    /// <summary>Per document, the term id of its <c>process_id</c> (or -1), for <c>cb.group=id</c>.</summary>
    internal int[] GroupColumn()
    {
        lock (_cacheLock)
        {
            if (_groupColumn is null)
            {
                var column = new int[InternalCount];
                Array.Fill(column, -1);
                if (FindField("process_id") is { } field)
                {
                    for (var term = 0; term < field.Terms.Count; term++)
                    {
                        foreach (var doc in field.Terms.Postings(term))
                        {
                            column[doc] = term;
                        }
                    }
                }

                _groupColumn = column;
            }

            return _groupColumn;
        }
    }

    private void AddUnlocked(int ordinal, ISearchDocument document)
    {
        var internalId = _ordinalOfInternal.Count;
        _ordinalOfInternal.Add(ordinal);
        if (ordinal == _internalOfOrdinal.Count)
        {
            _internalOfOrdinal.Add(internalId);
        }
        else
        {
            _internalOfOrdinal.Set(ordinal, internalId);
        }

        _sink.Doc = internalId;
        document.WriteFields(_sink);
    }

    private void InvalidateCaches()
    {
        lock (_cacheLock)
        {
            _live = null;
            _groupColumn = null;
            _sortColumns.Clear();
        }
    }

    private SearchResult SearchUnlocked(SearchRequest request)
    {
        var terms = new List<string>();
        var nodes = new List<QueryNode> { QueryErrors.Parse(request.Query, IsField) };
        foreach (var (field, value) in request.Clauses ?? [])
        {
            nodes.Add(QueryErrors.Parse($"{field}:{value}", IsField));
        }

        foreach (var (field, value) in request.Filters ?? [])
        {
            nodes.Add(new ClauseNode(field, new PhraseValue(value), $"{field}:{value}"));
        }

        foreach (var node in nodes)
        {
            CollectTerms(node, terms);
        }

        var sort = SortSpec.Parse(request.Sort ?? Schema.DefaultSort, this);
        var evaluator = new QueryEvaluator(this, _time.GetUtcNow().UtcDateTime);
        var matches = evaluator.Evaluate(nodes.Count == 1 ? nodes[0] : new AndNode(nodes));
        if (request.GroupByProcessId)
        {
            matches = Grouping.FirstPerProcess(this, matches, sort);
        }

        var total = matches.Count();
        var page = request.Rows > 0 && request.Start < total
            ? TopDocs.Select(this, matches, total, sort, Math.Max(0, request.Start), request.Rows)
            : [];
        var facets = Facets.Count(this, matches, request.FacetFields ?? []);
        Debug.Assert(page.Count <= Math.Max(0, request.Rows), "page larger than rows");
        return new SearchResult(total, page, terms, facets);
    }

    private static void CollectTerms(QueryNode node, List<string> terms)
    {
        switch (node)
        {
            case ClauseNode clause:
                terms.Add(clause.Text);
                break;
            case AndNode and:
                and.Children.ToList().ForEach(child => CollectTerms(child, terms));
                break;
            case OrNode or:
                or.Children.ToList().ForEach(child => CollectTerms(child, terms));
                break;
            case NotNode not:
                CollectTerms(not.Child, terms);
                break;
        }
    }
}
