using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>A model's routes; any may be null when the model does not support the operation.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbRoutes
{
    /// <summary>
    /// Describes a model's routes; <paramref name="createAsArray"/>: the create route wants an array of one object;
    /// <paramref name="getFromList"/>: the server has no GET by id, so a get filters the list by the key.
    /// </summary>
    public CbRoutes(
        CbRouteSet? list = null,
        CbRouteSet? get = null,
        CbRouteSet? create = null,
        CbRouteSet? update = null,
        CbRouteSet? delete = null,
        IReadOnlyDictionary<string, CbRouteSet>? extra = null,
        bool createAsArray = false,
        bool getFromList = false)
    {
        CreateAsArray = createAsArray;
        GetFromList = getFromList;
        List = list;
        Get = get;
        Create = create;
        Update = update;
        Delete = delete;
        Extra = extra ?? new Dictionary<string, CbRouteSet>(StringComparer.Ordinal);
    }

    /// <summary>Search or list.</summary>
    public CbRouteSet? List { get; }

    /// <summary>Get one by key.</summary>
    public CbRouteSet? Get { get; }

    /// <summary>Create (POST).</summary>
    public CbRouteSet? Create { get; }

    /// <summary>Update (PUT).</summary>
    public CbRouteSet? Update { get; }

    /// <summary>Delete.</summary>
    public CbRouteSet? Delete { get; }

    /// <summary>True when a create POSTs an array of one object (the spec's <c>routes.createBody: array</c>, IngressFilter).</summary>
    public bool CreateAsArray { get; }

    /// <summary>
    /// True when a get by key (and a refresh) lists the model and keeps the one row whose key matches (the spec's
    /// <c>routes.getFrom: list</c>, Investigation): no match is a <see cref="CbObjectNotFoundException"/>.
    /// </summary>
    public bool GetFromList { get; }

    /// <summary>Named extra routes for hand-written partials (e.g. <c>events</c>).</summary>
    public IReadOnlyDictionary<string, CbRouteSet> Extra { get; }
}
