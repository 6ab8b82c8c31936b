using System.Runtime.CompilerServices;
using CbTyped.Modeling;

namespace CbTyped;

/// <summary>
/// A query over a model, built fluently and run lazily: nothing is sent until it is enumerated, counted or asked for
/// its first or single result. Immutable: every modifier returns a new query. <c>await foreach</c> pages through the
/// results (<c>start</c>/<c>rows</c>) in order, keeping up to <see cref="PagesInFlight"/> page requests in flight
/// while the current page is read.
/// The same surface serves every query kind: server-side search, server lists with parameters, whole lists filtered
/// here, child lists under a parent URL, and singletons.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "And/Or/Single are the names docs/contract.md and LINQ use.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Single is LINQ's name for 'exactly one'.")]
public class CbQuery<T> : ICbQuery<T>
    where T : CbModel, ICbModel<T>
{
    private readonly CbResponseClient _client = null!;
    private readonly CbRowQuery _rows = null!;

    /// <summary>For mocking only.</summary>
    protected CbQuery()
    {
    }

    internal CbQuery(CbResponseClient client, CbRowQuery rows)
    {
        _client = client;
        _rows = rows;
    }

    /// <summary>The search text so far (the where/and terms joined by spaces).</summary>
    public virtual string QueryText => _rows.QueryText;

    /// <summary>Adds raw Cb query text (e.g. <c>process_name:net.exe</c>), ANDed with what is there; sent as is.</summary>
    public virtual CbQuery<T> Where(string query) => With(_rows.Where(query));

    /// <summary>Adds a typed term (correctly escaped), ANDed with what is there.</summary>
    public virtual CbQuery<T> Where(CbQueryTerm term) => Where(Text(term));

    /// <summary>Same as <see cref="Where(string)"/> (cbapi's <c>and_</c>).</summary>
    public virtual CbQuery<T> And(string query) => Where(query);

    /// <summary>Same as <see cref="Where(CbQueryTerm)"/>.</summary>
    public virtual CbQuery<T> And(CbQueryTerm term) => Where(term);

    /// <summary>Matches what the query matched so far, or <paramref name="query"/> (searches only).</summary>
    public virtual CbQuery<T> Or(string query) => With(_rows.Or(query));

    /// <summary>Matches what the query matched so far, or <paramref name="term"/> (searches only).</summary>
    public virtual CbQuery<T> Or(CbQueryTerm term) => Or(Text(term));

    /// <summary>Sorts by <c>"field asc|desc"</c>; an empty string removes the sort.</summary>
    public virtual CbQuery<T> Sort(string sort) => With(_rows with { Sort = string.IsNullOrWhiteSpace(sort) ? null : sort.Trim() });

    /// <summary>
    /// Adds a raw request parameter sent as is (URL-encoded) with every request this query makes — each page, the
    /// count and facets — e.g. <c>WithParameter("cb.fq.process_name", "net.exe")</c> for an exact Solr filter, or a
    /// watchlist's stored <c>cb.min_last_update</c>. Names the query itself controls (<c>q</c>, <c>start</c>,
    /// <c>rows</c>, <c>sort</c>, <c>cb.urlver</c>, <c>facet</c>, <c>facet.field</c>) are refused: use
    /// <see cref="Where(string)"/>, <see cref="Sort"/>, <see cref="PageSize"/>, <see cref="Skip"/>/<see cref="Take"/>.
    /// A name may repeat (both values are sent).
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, holds characters a parameter name cannot (white space,
    /// <c>&amp;</c>, <c>=</c>, <c>?</c>, <c>#</c>), or is one the query controls.</exception>
    public virtual CbQuery<T> WithParameter(string name, string value) => With(_rows.WithParameter(name, value));

    /// <summary>
    /// <see cref="WithParameter(string, string)"/> for a parameter only servers from <paramref name="minServerVersion"/>
    /// on accept (e.g. cbapi's process query options, 6.0 and newer): on an older server the query throws
    /// <see cref="CbUnsupportedServerException"/> before sending anything.
    /// </summary>
    public virtual CbQuery<T> WithParameter(string name, string value, Version minServerVersion) => With(_rows.WithParameter(name, value, minServerVersion));

    /// <summary>Adds several raw parameters (see <see cref="WithParameter(string, string)"/>), in order.</summary>
    public virtual CbQuery<T> WithParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var rows = _rows;
        foreach (var (name, value) in parameters)
            rows = rows.WithParameter(name, value);
        return With(rows);
    }

    /// <summary>The raw parameters added with <see cref="WithParameter(string, string)"/>, in order.</summary>
    public virtual IReadOnlyList<KeyValuePair<string, string>> Parameters => _rows.Parameters;

    /// <summary>Rows per request (cbapi's batch size).</summary>
    public virtual CbQuery<T> PageSize(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        return With(_rows with { PageSize = rows });
    }

    /// <summary>
    /// Page requests kept in flight ahead of the page being read (default: the client's
    /// <see cref="CbResponseClientOptions.PagesInFlight"/>); 1 keeps one page ahead. Rows still come in order.
    /// </summary>
    public virtual CbQuery<T> PagesInFlight(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        return With(_rows with { PagesInFlight = pages });
    }

    /// <summary>Skips <paramref name="count"/> results (sent as <c>start</c>).</summary>
    public virtual CbQuery<T> Skip(long count) => With(_rows.Slice(count, null));

    /// <summary>Returns at most <paramref name="count"/> results (bounds <c>rows</c>).</summary>
    public virtual CbQuery<T> Take(long count) => With(_rows.Slice(0, count));

    /// <summary>The number of results: for searches one <c>rows=0</c> request; for lists the filtered list's length.</summary>
    public virtual Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        _rows.CountAsync(_client, Codec, cancellationToken);

    /// <summary>The first result, or null when there is none.</summary>
    public virtual async Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var model in With(_rows.Slice(0, 1)).WithCancellation(cancellationToken).ConfigureAwait(false))
            return model;
        return null;
    }

    /// <summary>The first result.</summary>
    /// <exception cref="CbObjectNotFoundException">Nothing matches.</exception>
    public virtual async Task<T> FirstAsync(CancellationToken cancellationToken = default) =>
        await FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw NoResult();

    /// <summary>The only result (asks for two rows, as cbapi's <c>one()</c> does).</summary>
    /// <exception cref="CbObjectNotFoundException">Nothing matches.</exception>
    /// <exception cref="CbMoreThanOneResultException">More than one result matches.</exception>
    public virtual async Task<T> SingleAsync(CancellationToken cancellationToken = default) =>
        await SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw NoResult();

    /// <summary>The only result, or null when there is none.</summary>
    /// <exception cref="CbMoreThanOneResultException">More than one result matches.</exception>
    public virtual async Task<T?> SingleOrDefaultAsync(CancellationToken cancellationToken = default)
    {
        T? found = null;
        await foreach (var model in With(_rows.Slice(0, 2)).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (found is not null)
                throw new CbMoreThanOneResultException($"More than one result found for {_rows}", 2);
            found = model;
        }
        return found;
    }

    /// <summary>Every result in a list (paging as needed). Prefer <c>await foreach</c> for large result sets.</summary>
    public virtual async Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var model in WithCancellation(cancellationToken).ConfigureAwait(false))
            list.Add(model);
        return list;
    }

    /// <summary>Facet counts for the given fields (<c>facet=true&amp;rows=0&amp;facet.field=…</c>), field → buckets.</summary>
    public virtual async Task<IReadOnlyDictionary<string, IReadOnlyList<CbFacetValue>>> FacetsAsync(IEnumerable<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var facets = await _rows.FacetsAsync(_client, fields.ToList(), cancellationToken).ConfigureAwait(false);
        return CbFacetReader.Read(facets);
    }

    /// <summary>Synchronous <see cref="CountAsync"/>.</summary>
    public virtual long Count(CancellationToken cancellationToken = default) => CbSync.Run(CountAsync, cancellationToken);

    /// <summary>Synchronous <see cref="FirstAsync"/>.</summary>
    public virtual T First(CancellationToken cancellationToken = default) => CbSync.Run(FirstAsync, cancellationToken);

    /// <summary>Synchronous <see cref="FirstOrDefaultAsync"/>.</summary>
    public virtual T? FirstOrDefault(CancellationToken cancellationToken = default) => CbSync.Run(FirstOrDefaultAsync, cancellationToken);

    /// <summary>Synchronous <see cref="SingleAsync"/>.</summary>
    public virtual T Single(CancellationToken cancellationToken = default) => CbSync.Run(SingleAsync, cancellationToken);

    /// <summary>Synchronous <see cref="ToListAsync"/>.</summary>
    public virtual List<T> ToList(CancellationToken cancellationToken = default) => CbSync.Run(ToListAsync, cancellationToken);

    /// <summary>Synchronous <see cref="FacetsAsync"/>.</summary>
    public virtual IReadOnlyDictionary<string, IReadOnlyList<CbFacetValue>> Facets(IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        CbSync.Run(ct => FacetsAsync(fields, ct), cancellationToken);

    /// <summary>
    /// The results page by page (Azure.Core's <c>AsPages</c>), each <see cref="CbPage{T}"/> with its rows and a
    /// <see cref="CbPage{T}.ContinuationToken"/> (null on the last page): a long export that stopped — a crash, a
    /// deployment, a deliberate pause — goes on from the row after its last page by passing that token to
    /// <c>AsPages</c> of the same query, in this process or another. Searches read the server's pages
    /// (<paramref name="pageSize"/> rows asked, with pages in flight as for <c>await foreach</c>; a server that caps
    /// <c>rows</c> gives shorter pages); lists are fetched whole and cut into pages of <paramref name="pageSize"/> rows.
    /// Offsets are positions in the result set, so rows added or removed before the offset meanwhile shift what a
    /// resumed query reads, as with any <c>start</c>/<c>rows</c> paging: sort by a field that does not change.
    /// </summary>
    /// <param name="pageSize">Rows per page; null: <see cref="PageSize"/> or the client's default.</param>
    /// <param name="continuationToken">A page's token from this same query (same model, terms, sort, parameters, Skip and Take), or null to start.</param>
    /// <exception cref="ArgumentException">The token is not one, or was made by another query.</exception>
    public virtual IAsyncEnumerable<CbPage<T>> AsPages(int? pageSize = null, string? continuationToken = null)
    {
        if (pageSize is { } size)
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(pageSize));
        var from = continuationToken is null ? _rows.Skip : CbContinuationToken.Resume(_rows, continuationToken, nameof(continuationToken));
        return PagesAsync(pageSize ?? _rows.PageSize ?? _client.Options.PageSize, from);
    }

    /// <summary>
    /// The results for synchronous code (Azure.Core's <c>Pageable&lt;T&gt;</c> shape): <c>foreach</c> over it reads the
    /// rows lazily, page by page; its <see cref="CbPageable{T}.AsPages"/> gives the pages with their continuation tokens.
    /// </summary>
    /// <param name="cancellationToken">Cancels the paging; a page in flight ends with <see cref="OperationCanceledException"/>.</param>
    public virtual CbPageable<T> AsPageable(CancellationToken cancellationToken = default) => new(this, cancellationToken);

    private async IAsyncEnumerable<CbPage<T>> PagesAsync(int pageSize, long from, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in _rows.PagesAsync(_client, Codec, pageSize, from, cancellationToken).ConfigureAwait(false))
            yield return new CbPage<T>(page.Rows, page.Total, page.Start, default, page.IsLast ? null : CbContinuationToken.Create(_rows, page.Next));
    }

    /// <summary>Pages through the results lazily.</summary>
    public virtual IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _rows.RowsAsync(_client, Codec, cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>The query's description, e.g. <c>Process query 'process_name:net.exe'</c>.</summary>
    public override string ToString() => _rows.ToString();

    private ConfiguredCancelableAsyncEnumerable<T> WithCancellation(CancellationToken cancellationToken) =>
        TaskAsyncEnumerableExtensions.WithCancellation(this, cancellationToken);

    /// <summary>Search and server-list rows are partial (a missing field is fetched by key on first use); list rows are whole.</summary>
    private CbModelRowCodec<T> Codec => new(_client, rowsAreFull: _rows.Kind is not (CbRowQueryKind.Search or CbRowQueryKind.ServerList));

    private CbQuery<T> With(CbRowQuery rows) => new(_client, rows);

    private CbObjectNotFoundException NoResult() => new($"No result found for {_rows}", null, null, null, null);

    private static string Text(CbQueryTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.ToString();
    }

    ICbQuery<T> ICbQuery<T>.Where(string query) => Where(query);

    ICbQuery<T> ICbQuery<T>.Where(CbQueryTerm term) => Where(term);

    ICbQuery<T> ICbQuery<T>.Sort(string sort) => Sort(sort);
}
