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

    /// <summary>
    /// A query over a model (to-many joins and hand-written searches start from it): the runtime's whole query, with
    /// parameters, paging and facets, so behaviour built on a session needs no concrete client. A session of one's own
    /// returns a subclass of <see cref="CbQuery{T}"/> (its members are virtual).
    /// </summary>
    CbQuery<T> Select<T>()
        where T : CbModel, ICbModel<T>;

    /// <summary>Reloads a model from the server (its get route) and marks it full.</summary>
    Task RefreshAsync(CbModel model, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a model: a POST of a new one, a PUT of a changed one (its own body when it implements
    /// <c>ICbUpdateBody</c>), then a refresh where the server answers less than the object. Hand-written behaviour
    /// that changes a model's own fields saves through this, so the save's rules apply.
    /// </summary>
    Task<T> SaveAsync<T>(T model, CancellationToken cancellationToken = default)
        where T : CbModel;

    /// <summary>The server's <c>/api/info</c>, read once: for behaviour that depends on the server's version.</summary>
    Task<CbServerInfo> GetServerInfoAsync(CancellationToken cancellationToken = default);
}
