namespace CbTyped.Generator.Model
{
    /// <summary>A constant member of a body object (<c>set: { enabled: true }</c>).</summary>
    /// <param name="JsonName">The member name.</param>
    /// <param name="JsonLiteral">The value as JSON text (<c>true</c>, <c>12</c>, <c>"text"</c>, <c>null</c>).</param>
    public sealed record OperationConstantSpec(string JsonName, string JsonLiteral);
}
