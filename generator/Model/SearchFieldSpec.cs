namespace CbTyped.Generator.Model
{
    /// <summary>
    /// A query-language field that is not a field of the document (<c>searchFields:</c>): Process's <c>md5</c>,
    /// <c>filemod</c>, <c>ipaddr</c>, … It becomes a typed query field and nothing else: no property, no serializer slot.
    /// </summary>
    /// <param name="QueryName">The query-language name (the key under <c>searchFields:</c>).</param>
    /// <param name="PropertyName">C# name in <c>Model.Fields</c> (the <c>name:</c> override, else PascalCase of the query name).</param>
    /// <param name="Kind">Which typed query field it becomes.</param>
    /// <param name="Doc">Doc text, or null.</param>
    /// <param name="Sortable">May be used in <c>sort=</c>.</param>
    /// <param name="Facet">May be requested as a facet.</param>
    public sealed record SearchFieldSpec(
        string QueryName,
        string PropertyName,
        SearchFieldKind Kind,
        string? Doc,
        bool Sortable,
        bool Facet);
}
