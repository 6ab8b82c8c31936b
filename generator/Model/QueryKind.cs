namespace CbTyped.Generator.Model
{
    /// <summary>How a model's list is queried (mirrors the runtime's <c>CbQueryKind</c>).</summary>
    public enum QueryKind
    {
        /// <summary>Server-side search: <c>q</c>, <c>rows</c>/<c>start</c> paging, sort, facets.</summary>
        Search = 0,
        /// <summary>Server list with query parameters (e.g. <c>/api/v2/sensor?hostname=</c>).</summary>
        ServerList = 1,
        /// <summary>The whole list is fetched and filtered client side.</summary>
        ClientList = 2,
        /// <summary>A list under a parent URL (<c>{parent.id}</c>).</summary>
        ChildList = 3,
        /// <summary>One object, no list (e.g. <c>/api/info</c>).</summary>
        Singleton = 4,
    }
}
