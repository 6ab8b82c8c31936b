namespace CbTyped.Generator.Model
{
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
