using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CbTyped;

/// <summary>
/// The untyped heart of every query: what to ask (kind, URL, terms, sort, page size, slice) and how to turn it into
/// rows of raw JSON. Immutable: each modifier returns a copy, like cbapi's query clone. The typed query wraps
/// it and turns rows into models.
/// </summary>
internal sealed record CbRowQuery
{
    public required CbRowQueryKind Kind { get; init; }

    /// <summary>For messages: "Process", "Sensor", …</summary>
    public required string ModelName { get; init; }

    /// <summary>
    /// The list or search URL path; for child lists a template with <c>{field}</c> placeholders. When
    /// <see cref="Routes"/> has server-version variants this is only the fallback: the variant for the server's version wins.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>The model's list route with its server-version variants, or null to always use <see cref="Path"/>.</summary>
    public CbTyped.Modeling.CbRouteSet? Routes { get; init; }

    /// <summary>The where/and terms, in order; combined with spaces (implicit AND) for a search.</summary>
    public ImmutableList<string> Terms { get; init; } = [];

    /// <summary><c>"field asc|desc"</c>, or null for the server's order (or the model's default sort).</summary>
    public string? Sort { get; init; }

    /// <summary>Rows per request; null → the client's <see cref="CbResponseClientOptions.PageSize"/>.</summary>
    public int? PageSize { get; init; }

    /// <summary>Page requests kept in flight ahead of the page being read; null → the client's <see cref="CbResponseClientOptions.PagesInFlight"/>.</summary>
    public int? PagesInFlight { get; init; }

    /// <summary>Raw parameters sent with every page, count and facet request (<c>CbQuery.WithParameter</c>).</summary>
    public ImmutableList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Raw parameters only servers from a version on accept (name → lowest version), checked before any request.</summary>
    public ImmutableDictionary<string, Version> ParameterMinServerVersions { get; init; } = ImmutableDictionary<string, Version>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>
    /// For searches: send <c>cb.legacy_5x_mode=True</c> when the server has 5.x partitions
    /// (<see cref="CbServerInfo.IsLegacy5xMode"/>), as cbapi's process queries do.
    /// </summary>
    public bool SendsLegacy5xMode { get; init; }

    /// <summary>For child lists: this model's JSON field holding the parent key (fills the <c>{parent.…}</c> placeholder).</summary>
    public string? ParentField { get; init; }

    /// <summary>For server lists: the only fields a where may name (e.g. ip, hostname, groupid); empty = any.</summary>
    public ImmutableArray<string> ServerListFields { get; init; } = [];

    /// <summary>Rows to skip (maps to <c>start</c>).</summary>
    public long Skip { get; init; }

    /// <summary>Rows to return at most, or null for all (maps to <c>rows</c>).</summary>
    public long? Take { get; init; }

    /// <summary>The search text: the terms joined by spaces (cbapi's where/and_), "" when there are none.</summary>
    public string QueryText => string.Join(' ', Terms);

    public CbRowQuery Where(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (Kind is CbRowQueryKind.ClientList or CbRowQueryKind.ServerList or CbRowQueryKind.ChildList && Terms.Count > 0)
            throw new InvalidOperationException($"Cannot have multiple 'where' clauses: a {ModelName} list takes one 'field:value' filter.");
        if (Kind == CbRowQueryKind.Singleton)
            throw new InvalidOperationException($"{ModelName} is a single object and cannot be filtered.");
        if (Kind == CbRowQueryKind.ServerList)
            ValidateServerListTerm(term);
        var trimmed = TrimUnescaped(term);
        return trimmed.Length == 0 ? this : this with { Terms = Terms.Add(trimmed) };
    }

    /// <summary>
    /// The term without surrounding whitespace, except a trailing space a backslash escapes (<c>name:a\ </c> ends
    /// in a space that is part of the value): an odd run of backslashes before it escapes it.
    /// </summary>
    private static string TrimUnescaped(string term)
    {
        var text = term.AsSpan().TrimStart();
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            int run = 0;
            while (end - 2 - run >= 0 && text[end - 2 - run] == '\\')
                run++;
            if (run % 2 == 1)
                break;
            end--;
        }
        return text[..end].ToString();
    }

    /// <summary>The parameters a query builds itself; a raw parameter with one of these names would clash.</summary>
    private static readonly FrozenSet<string> ReservedParameters =
        FrozenSet.ToFrozenSet(["q", "start", "rows", "sort", "cb.urlver", "facet", "facet.field"], StringComparer.Ordinal);

    /// <summary>A copy that also sends <c>name=value</c> with every request (see <c>CbQuery.WithParameter</c>).</summary>
    public CbRowQuery WithParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '&' or '=' or '?' or '#'))
            throw new ArgumentException($"'{name}' is not a valid parameter name.", nameof(name));
        if (ReservedParameters.Contains(name))
            throw new ArgumentException($"The query sets '{name}' itself; use Where, Sort, PageSize, Skip or Take instead.", nameof(name));
        return this with { Parameters = Parameters.Add(new(name, value)) };
    }

    /// <summary>
    /// <see cref="WithParameter(string, string)"/> for a parameter only servers from <paramref name="minServerVersion"/>
    /// on accept: on an older server every request of the query throws <see cref="CbUnsupportedServerException"/> first.
    /// </summary>
    public CbRowQuery WithParameter(string name, string value, Version minServerVersion)
    {
        ArgumentNullException.ThrowIfNull(minServerVersion);
        var added = WithParameter(name, value);
        return added with { ParameterMinServerVersions = added.ParameterMinServerVersions.SetItem(name, minServerVersion) };
    }

    /// <summary>Throws when the server is older than a parameter of this query needs (before the request is sent).</summary>
    private void CheckParameterVersions(CbServerInfo info)
    {
        foreach (var (name, min) in ParameterMinServerVersions)
        {
            if (info.Version < min)
                throw new CbUnsupportedServerException($"{ModelName} query parameter {name}", info.VersionText, $"version {min} or newer");
        }
    }

    public CbRowQuery Or(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (Kind != CbRowQueryKind.Search)
            throw new NotSupportedException($"A {ModelName} list cannot combine filters with OR; only server-side searches can.");
        if (Terms.IsEmpty)
            return Where(term);
        return this with { Terms = [$"({QueryText}) OR ({TrimUnescaped(term)})"] };
    }

    public CbRowQuery Slice(long skip, long? take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        if (take is < 0)
            throw new ArgumentOutOfRangeException(nameof(take), "Take cannot be negative.");
        var newSkip = Skip + skip;
        long? newTake = Take is { } t ? Math.Max(0, Math.Min(t - skip, take ?? long.MaxValue)) : take;
        return this with { Skip = newSkip, Take = newTake };
    }

    /// <summary>Every row (after the slice) as raw JSON, lazily.</summary>
    public IAsyncEnumerable<ReadOnlyMemory<byte>> RowsAsync(CbResponseClient client, CancellationToken cancellationToken = default) =>
        RowsAsync(client, CbRawRowCodec.Instance, cancellationToken);

    /// <summary>Every row (after the slice), lazily; paged kinds keep up to <see cref="PagesInFlight"/> pages requested ahead.</summary>
    public async IAsyncEnumerable<TRow> RowsAsync<TRow>(CbResponseClient client, ICbRowCodec<TRow> codec, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in PagesAsync(client, codec, null, Skip, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in page.Rows)
            {
                // A cancelled enumeration stops at the next row, not only at the next page.
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
            }
        }
    }

    /// <summary>
    /// The rows page by page from offset <paramref name="from"/> (<see cref="Skip"/>, or where a continuation token
    /// resumes) to the end of the slice, in one <c>query</c> span whose pages are <c>page</c> spans. Paged kinds read
    /// the server's pages (<paramref name="pageSize"/> rows asked, else <see cref="PageSize"/>); lists are fetched
    /// whole and cut into pages of <paramref name="pageSize"/> rows (null: one page).
    /// </summary>
    public async IAsyncEnumerable<CbPagerPage<TRow>> PagesAsync<TRow>(CbResponseClient client, ICbRowCodec<TRow> codec, int? pageSize, long from,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = CbInstruments.StartOperation("query", ModelName);
        var pages = ReadPagesAsync(client, codec, pageSize, from, query, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                        break;
                }
                catch (Exception e)
                {
                    CbInstruments.End(query, e);
                    query = null;
                    throw;
                }
                CbInstruments.CountPage(client.ServerTags, ModelName);
                yield return pages.Current;
            }
        }
        finally
        {
            await pages.DisposeAsync().ConfigureAwait(false);
            query?.Dispose();
        }
    }

    private async IAsyncEnumerable<CbPagerPage<TRow>> ReadPagesAsync<TRow>(CbResponseClient client, ICbRowCodec<TRow> codec, int? pageSize, long from,
        System.Diagnostics.Activity? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var end = Take is { } take ? Skip + take : long.MaxValue;
        if (Kind is CbRowQueryKind.Search or CbRowQueryKind.ServerList)
        {
            var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
            var parent = query?.Context ?? default;
            var pages = CbPager.ReadPagesAsync<TRow>(
                (start, count, ct) => GetPageInSpanAsync(client, codec, info, start, count, parent, ct), from, Take is null ? null : end - from,
                pageSize ?? PageSize ?? client.Options.PageSize, PagesInFlight ?? client.Options.PagesInFlight, client.Logger, cancellationToken);
            await foreach (var page in pages.ConfigureAwait(false))
                yield return page;
            yield break;
        }

        var all = await FetchListAsync(client, codec, cancellationToken).ConfigureAwait(false);
        var stop = Math.Min(all.Count, end);
        var size = pageSize ?? int.MaxValue;
        for (var start = from; ; start += size)
        {
            var next = Math.Min(stop, start + size);
            List<TRow> rows = start >= next ? [] : all.GetRange((int)start, (int)(next - start));
            yield return new CbPagerPage<TRow>(rows, start, next, all.Count, IsLast: next >= stop);
            if (next >= stop)
                yield break;
        }
    }

    /// <summary>One page request in its <c>page</c> span, a child of the query's span (pages in flight overlap).</summary>
    private async Task<(IReadOnlyList<TRow> Rows, long? Total)> GetPageInSpanAsync<TRow>(CbResponseClient client, ICbRowCodec<TRow> codec, CbServerInfo info,
        long start, int rows, System.Diagnostics.ActivityContext parent, CancellationToken cancellationToken)
    {
        var path = PagePath(info, start, rows);
        using var span = CbInstruments.StartOperation("page", ModelName, parent);
        span?.SetTag(CbTelemetryTags.PageStart, start);
        span?.SetTag(CbTelemetryTags.PageRows, rows);
        try
        {
            var page = await GetPageAsync(client, codec, path, cancellationToken).ConfigureAwait(false);
            span?.SetTag(CbTelemetryTags.PageReceived, page.Rows.Count);
            return page;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CbInstruments.Fail(span, e);
            throw;
        }
    }

    /// <summary>How many rows the query matches, within the slice: <c>rows=0</c> for paged kinds.</summary>
    public Task<long> CountAsync(CbResponseClient client, CancellationToken cancellationToken) =>
        CountAsync(client, CbRawRowCodec.Instance, cancellationToken);

    /// <summary>How many rows the query matches, within the slice: <c>rows=0</c> for paged kinds.</summary>
    public async Task<long> CountAsync<TRow>(CbResponseClient client, ICbRowCodec<TRow> codec, CancellationToken cancellationToken)
    {
        using var span = CbInstruments.StartOperation("count", ModelName);
        try
        {
            return await CountInSpanAsync(client, codec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CbInstruments.Failed(span, e))
        {
            throw; // not reached: Failed marks the span and returns false
        }
    }

    private async Task<long> CountInSpanAsync<TRow>(CbResponseClient client, ICbRowCodec<TRow> codec, CancellationToken cancellationToken)
    {
        long total;
        if (Kind is CbRowQueryKind.Search or CbRowQueryKind.ServerList)
        {
            var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
            CbLog.MustCount(client.Logger);
            var page = await GetPageAsync(client, CbRawRowCodec.Instance, PagePath(info, 0, 0), cancellationToken).ConfigureAwait(false);
            total = page.Total ?? page.Rows.Count;
        }
        else
        {
            total = (await FetchListAsync(client, codec, cancellationToken).ConfigureAwait(false)).Count;
        }
        var afterSkip = Math.Max(0, total - Skip);
        return Take is { } take ? Math.Min(afterSkip, take) : afterSkip;
    }

    /// <summary>The <c>facets</c> object for the given fields (<c>facet=true&amp;rows=0&amp;facet.field=…</c>).</summary>
    public async Task<ReadOnlyMemory<byte>> FacetsAsync(CbResponseClient client, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        if (Kind != CbRowQueryKind.Search && Kind != CbRowQueryKind.ServerList)
            throw new NotSupportedException($"{ModelName} does not support facets; only server-side searches do.");
        using var span = CbInstruments.StartOperation("facets", ModelName);
        try
        {
            return await FacetsInSpanAsync(client, fields, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CbInstruments.Failed(span, e))
        {
            throw; // not reached: Failed marks the span and returns false
        }
    }

    private async Task<ReadOnlyMemory<byte>> FacetsInSpanAsync(CbResponseClient client, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        // /api/info is asked only when something depends on the server (it is cached per client).
        var info = !ParameterMinServerVersions.IsEmpty || SendsLegacy5xMode
            ? await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (info is not null)
            CheckParameterVersions(info);
        var query = new CbQueryString().AddRange(Parameters).Add("facet", "true").Add("start", "0").Add("rows", "0");
        if (Kind == CbRowQueryKind.Search)
        {
            query.Add("cb.urlver", "1");
            if (QueryText.Length > 0)
                query.Add("q", QueryText);
            if (info is not null)
                AddLegacyMode(query, info);
        }
        else
        {
            AddServerListTerms(query);
        }
        foreach (var field in fields)
            query.Add("facet.field", field);
        var path = query.AppendTo(await PathForServerAsync(client, cancellationToken).ConfigureAwait(false));
        var body = await GetBodyAsync(client, path, cancellationToken).ConfigureAwait(false);
        return CbRowPage.Parse(body, "GET", path).Facets;
    }

    /// <summary>The URL of one page (also used by tests and the web-UI link).</summary>
    public string PagePath(CbServerInfo info, long start, int rows)
    {
        ArgumentNullException.ThrowIfNull(info);
        CheckParameterVersions(info);
        var query = new CbQueryString().AddRange(Parameters)
            .Add("start", start.ToString(CultureInfo.InvariantCulture))
            .Add("rows", rows.ToString(CultureInfo.InvariantCulture));
        if (Kind == CbRowQueryKind.Search)
        {
            query.Add("cb.urlver", "1").Add("q", QueryText);
            if (info.SendsFacetFalse)
                query.Add("facet", "false");
            AddLegacyMode(query, info);
            if (rows > 0 && !string.IsNullOrWhiteSpace(Sort))
                query.Add("sort", Sort.Trim());
        }
        else
        {
            AddServerListTerms(query);
        }
        return query.AppendTo(PathFor(info));
    }

    // cbapi sends Python's True; a query that names the parameter itself keeps its own value.
    private void AddLegacyMode(CbQueryString query, CbServerInfo info)
    {
        if (SendsLegacy5xMode && info.IsLegacy5xMode && !Parameters.Any(p => p.Key == "cb.legacy_5x_mode"))
            query.Add("cb.legacy_5x_mode", "True");
    }

    /// <summary>
    /// The list path for this server: the first variant of <see cref="Routes"/> whose version range holds the server's
    /// version (the rule gets, saves and deletes use), else <see cref="Path"/>.
    /// </summary>
    public string PathFor(CbServerInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!DependsOnServerVersion)
            return Path;
        return Routes!.Resolve(info.Version)?.Template
            ?? throw new CbApiException($"{ModelName} has no list route for server version {info.VersionText}.");
    }

    /// <summary>True when a variant of the list route is limited to some server versions (then /api/info decides).</summary>
    private bool DependsOnServerVersion =>
        Routes is { } routes && routes.Variants.Any(r => r.MinServerVersion is not null || r.MaxServerVersion is not null);

    /// <summary>
    /// <see cref="PathFor"/>, asking the server's version (cached per client) only when the route depends on it, so
    /// lists whose route never changed send no extra request.
    /// </summary>
    private async ValueTask<string> PathForServerAsync(CbResponseClient client, CancellationToken cancellationToken) =>
        DependsOnServerVersion
            ? PathFor(await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false))
            : Path;

    private static async Task<(IReadOnlyList<TRow> Rows, long? Total)> GetPageAsync<TRow>(CbResponseClient client, ICbRowCodec<TRow> codec, string path, CancellationToken cancellationToken)
    {
        var body = await GetBodyAsync(client, path, cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? ([], 0) : codec.ReadPage(body, "GET", path);
    }

    /// <summary>The body of a GET; empty (or all white space, e.g. a 204 for "no sensors") → an empty array.</summary>
    private static async Task<byte[]> GetBodyAsync(CbResponseClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        var body = await CbBufferedContent.BodyOfAsync(response, cancellationToken).ConfigureAwait(false);
        return body.AsSpan().Trim(" \t\r\n"u8).IsEmpty ? [] : body;
    }

    /// <summary>Client and child lists: one GET, then the filter, sort and (for rows) the slice here.</summary>
    private async Task<List<TRow>> FetchListAsync<TRow>(CbResponseClient client, ICbRowCodec<TRow> codec, CancellationToken cancellationToken)
    {
        var path = await PathForServerAsync(client, cancellationToken).ConfigureAwait(false);
        var filters = Terms;
        if (Kind == CbRowQueryKind.ChildList)
        {
            path = FillParent(path);
            filters = [];
        }
        var fullPath = new CbQueryString().AddRange(Parameters).AppendTo(path);
        if (Kind == CbRowQueryKind.Singleton)
        {
            var body = await GetBodyAsync(client, fullPath, cancellationToken).ConfigureAwait(false);
            return body.Length == 0 ? [] : [codec.ReadSingle(body, "GET", fullPath)];
        }
        var page = await GetPageAsync(client, codec, fullPath, cancellationToken).ConfigureAwait(false);
        var rows = page.Rows.ToList();
        foreach (var term in filters)
        {
            var (field, value) = CbListFilter.SplitTerm(term, ModelName);
            rows = rows.FindAll(row => CbListFilter.Matches(codec.RawField(row, field), value));
        }
        return string.IsNullOrWhiteSpace(Sort) ? rows : CbListFilter.Sort(rows, Sort, codec.RawField);
    }

    /// <summary>Puts the one <c>where("field:id")</c> of a child list into its URL template.</summary>
    private string FillParent(string template)
    {
        var placeholders = Placeholders(template);
        if (placeholders.Count == 0)
            return template;
        if (Terms.Count != 1)
            throw new InvalidOperationException($"Must use a search parameter: .Where(\"{ParentField ?? placeholders[0]}:<id>\") to list {ModelName} objects.");
        var (field, value) = CbListFilter.SplitTerm(Terms[0], ModelName);
        var expected = ParentField ?? placeholders[0];
        var match = field == ParentField
            ? placeholders.FirstOrDefault(p => p.StartsWith("parent.", StringComparison.Ordinal)) ?? placeholders[0]
            : placeholders.FirstOrDefault(p => p == field || p.EndsWith("." + field, StringComparison.Ordinal));
        if (match is null)
            throw new InvalidOperationException($"Field name must be: {expected} (to list {ModelName} objects).");
        return template.Replace("{" + match + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
    }

    private static List<string> Placeholders(string template)
    {
        var names = new List<string>();
        for (var open = template.IndexOf('{', StringComparison.Ordinal); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open);
            if (close < 0)
                break;
            names.Add(template[(open + 1)..close]);
        }
        return names;
    }

    private void ValidateServerListTerm(string term)
    {
        var (field, _) = CbListFilter.SplitTerm(term, ModelName);
        if (!ServerListFields.IsDefaultOrEmpty && !ServerListFields.Contains(field))
            throw new ArgumentException($"Field name must be one of: {string.Join(", ", ServerListFields)}", nameof(term));
    }

    private void AddServerListTerms(CbQueryString query)
    {
        foreach (var term in Terms)
        {
            var (field, value) = CbListFilter.SplitTerm(term, ModelName);
            query.Add(field, value);
        }
    }

    /// <summary>For logs and <see cref="CbMoreThanOneResultException"/> messages.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(ModelName).Append(" query");
        if (Terms.Count > 0)
            text.Append(" '").Append(QueryText).Append('\'');
        return text.ToString();
    }
}
