namespace CbTyped.Modeling;

/// <summary>How a model is queried.</summary>
public enum CbQueryKind
{
    /// <summary>Server-side search: <c>q</c>, <c>rows</c>/<c>start</c> paging, sort, facets, <c>rows=0</c> counts.</summary>
    Search,
    /// <summary>A server list with query parameters (sensors: <c>hostname=</c>, <c>ip=</c>, <c>groupid=</c>).</summary>
    ServerList,
    /// <summary>The whole list, filtered on the client.</summary>
    ClientList,
    /// <summary>A list under a parent URL (<c>{parent.id}</c> in the route).</summary>
    ChildList,
    /// <summary>One object (e.g. <c>/api/info</c>).</summary>
    Singleton,
}

/// <summary>A model's query kind and defaults.</summary>
public sealed class CbQueryInfo
{
    /// <summary>Describes how a model is queried.</summary>
    public CbQueryInfo(
        CbQueryKind kind,
        IReadOnlyList<string>? parameters = null,
        string? parentModel = null,
        string? parentField = null,
        string? defaultSort = null,
        int? pageSize = null)
    {
        Kind = kind;
        Parameters = parameters ?? [];
        ParentModel = parentModel;
        ParentField = parentField;
        DefaultSort = defaultSort;
        PageSize = pageSize;
    }

    /// <summary>The query kind.</summary>
    public CbQueryKind Kind { get; }

    /// <summary>For server lists: the query parameters the server accepts.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>For child lists: the parent model's C# name.</summary>
    public string? ParentModel { get; }

    /// <summary>For child lists: this model's JSON field holding the parent key.</summary>
    public string? ParentField { get; }

    /// <summary>For searches: the default sort (e.g. <c>last_update desc</c>).</summary>
    public string? DefaultSort { get; }

    /// <summary>The page size the spec asks for, or null for the runtime's default.</summary>
    public int? PageSize { get; }
}
