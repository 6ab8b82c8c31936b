namespace CbTyped;

/// <summary>How rows are fetched; mirrors the spec's query kinds (design.md).</summary>
internal enum CbRowQueryKind
{
    /// <summary>Server-side search: <c>q</c>, <c>rows</c>/<c>start</c> paging, sort, facets, <c>rows=0</c> counts.</summary>
    Search,

    /// <summary>A paged list with <c>field=value</c> parameters (e.g. <c>/api/v2/sensor?hostname=</c>).</summary>
    ServerList,

    /// <summary>One GET of the whole list, filtered and sorted here.</summary>
    ClientList,

    /// <summary>A list under a parent URL; the one <c>where("parent_field:id")</c> fills the URL.</summary>
    ChildList,

    /// <summary>One object (e.g. <c>/api/info</c>).</summary>
    Singleton,
}
