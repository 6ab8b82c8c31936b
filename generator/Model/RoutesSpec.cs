namespace CbTyped.Generator.Model
{
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
