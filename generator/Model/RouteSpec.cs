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

    /// <summary>A named route with one or more server-version variants (in spec order).</summary>
    /// <param name="Name">The route's name as written (<c>list</c>, <c>get</c>, … or an extra route's name such as <c>events</c>).</param>
    /// <param name="PascalName">PascalCase of <paramref name="Name"/> (for generated member names).</param>
    /// <param name="Variants">At least one variant.</param>
    public sealed record RouteSpec(string Name, string PascalName, EquatableArray<RouteVariantSpec> Variants);

    /// <summary>All routes of a model. Absent standard routes are null.</summary>
    /// <param name="List">The list/search route.</param>
    /// <param name="Get">Get by key.</param>
    /// <param name="Create">Create (POST).</param>
    /// <param name="Update">Update (PUT).</param>
    /// <param name="Delete">Delete.</param>
    /// <param name="Extra">Named extra routes for hand-written partials, in spec order.</param>
    /// <param name="CreateAsArray">True when the create route wants an array of one object (<c>createBody: array</c>).</param>
    /// <param name="GetFromList">True when a get by key filters the list (<c>getFrom: list</c>): the server has no GET by id.</param>
    public sealed record RoutesSpec(
        RouteSpec? List,
        RouteSpec? Get,
        RouteSpec? Create,
        RouteSpec? Update,
        RouteSpec? Delete,
        EquatableArray<RouteSpec> Extra,
        bool CreateAsArray = false,
        bool GetFromList = false);
}
