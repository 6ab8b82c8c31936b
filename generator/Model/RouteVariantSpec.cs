namespace CbTyped.Generator.Model
{
    /// <summary>One concrete route: method and URL template, valid for a range of server versions.</summary>
    /// <param name="Method">Upper-case HTTP method (GET, POST, PUT, PATCH, DELETE).</param>
    /// <param name="Template">URL template starting with <c>/</c>; <c>{json_field}</c> and <c>{parent.field}</c> placeholders.</param>
    /// <param name="Placeholders">Placeholder names in template order, e.g. <c>id</c>, <c>parent.id</c>.</param>
    /// <param name="MinServerVersion">Lowest server version (inclusive) this variant applies to, e.g. <c>6.0</c>, or null.</param>
    /// <param name="MaxServerVersion">Highest server version (inclusive) this variant applies to, e.g. <c>5.99</c>, or null.</param>
    public sealed record RouteVariantSpec(
        string Method,
        string Template,
        EquatableArray<string> Placeholders,
        string? MinServerVersion,
        string? MaxServerVersion);
}
