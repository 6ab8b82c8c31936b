namespace CbTyped.Modeling;

/// <summary>
/// What generated join accessors and lazy loading need from the client a model came from. <c>CbResponseClient</c>
/// implements it; tests may supply their own.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Select is the query entry point cbapi users know; the contract names it.")]
public interface ICbModelSession
{
    /// <summary>Gets a model by key (through the identity cache).</summary>
    Task<T> GetAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T>;

    /// <summary>A model that knows only its key, fetched on first need (no I/O now).</summary>
    T Select<T>(string key)
        where T : CbModel, ICbModel<T>;

    /// <summary>A query over a model (to-many joins start from it).</summary>
    ICbQuery<T> Select<T>()
        where T : CbModel, ICbModel<T>;

    /// <summary>Reloads a model from the server (its get route) and marks it full.</summary>
    Task RefreshAsync(CbModel model, CancellationToken cancellationToken = default);
}

/// <summary>The part of the runtime's query (<c>CbQuery&lt;T&gt;</c>) that generated code and hand-written partials use.</summary>
/// <typeparam name="T">The model queried.</typeparam>
public interface ICbQuery<T> : IAsyncEnumerable<T>
    where T : CbModel, ICbModel<T>
{
    /// <summary>Adds raw query text, ANDed with what is there.</summary>
    ICbQuery<T> Where(string query);

    /// <summary>Adds a typed term, ANDed with what is there.</summary>
    ICbQuery<T> Where(CbQueryTerm term);

    /// <summary>Sorts by <c>"field asc|desc"</c>.</summary>
    ICbQuery<T> Sort(string sort);

    /// <summary>The number of matches (for searches: one <c>rows=0</c> request).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The first match, or null.</summary>
    Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default);

    /// <summary>Every match, paging as needed.</summary>
    Task<List<T>> ToListAsync(CancellationToken cancellationToken = default);
}
