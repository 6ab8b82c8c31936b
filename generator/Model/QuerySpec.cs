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

    /// <summary>The parent of a child list.</summary>
    /// <param name="Model">The parent model as written (a model name in this compilation or <c>global::</c>-qualified).</param>
    /// <param name="Field">JSON name of this model's field that holds the parent's key.</param>
    /// <param name="TargetTypeName"><c>global::</c>-qualified parent type; filled in by cross-spec validation.</param>
    /// <param name="Accessor">The C# name of the accessor emitted for the parent (<c>Select{Accessor}()</c>,
    /// <c>Get{Accessor}Async()</c> extension methods), or null for none.</param>
    public sealed record QueryParentSpec(string Model, string Field, string TargetTypeName, string? Accessor = null);

    /// <summary>How a model is queried.</summary>
    /// <param name="Kind">The query kind (default <see cref="QueryKind.ClientList"/> when the spec has no <c>query:</c>).</param>
    /// <param name="Parameters">ServerList: query parameter names a query may use.</param>
    /// <param name="Parent">ChildList: the parent; otherwise null.</param>
    /// <param name="DefaultSort">Search: default sort, e.g. <c>last_update desc</c>.</param>
    /// <param name="PageSize">Rows per page, or null for the runtime's default.</param>
    /// <param name="SendsLegacy5xMode">Search: send <c>cb.legacy_5x_mode=True</c> when the server has 5.x partitions.</param>
    public sealed record QuerySpec(
        QueryKind Kind,
        EquatableArray<string> Parameters,
        QueryParentSpec? Parent,
        string? DefaultSort,
        int? PageSize,
        bool SendsLegacy5xMode = false);
}
