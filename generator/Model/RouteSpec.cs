namespace CbTyped.Generator.Model
{
    /// <summary>A named route with one or more server-version variants (in spec order).</summary>
    /// <param name="Name">The route's name as written (<c>list</c>, <c>get</c>, … or an extra route's name such as <c>events</c>).</param>
    /// <param name="PascalName">PascalCase of <paramref name="Name"/> (for generated member names).</param>
    /// <param name="Variants">At least one variant.</param>
    public sealed record RouteSpec(string Name, string PascalName, EquatableArray<RouteVariantSpec> Variants);
}
