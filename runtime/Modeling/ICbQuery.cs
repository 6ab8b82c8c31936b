namespace CbTyped.Modeling;

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
