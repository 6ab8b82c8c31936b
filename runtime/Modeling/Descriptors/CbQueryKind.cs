using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>How a model is queried.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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
