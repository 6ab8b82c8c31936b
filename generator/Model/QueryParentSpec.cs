namespace CbTyped.Generator.Model
{
    /// <summary>The parent of a child list.</summary>
    /// <param name="Model">The parent model as written (a model name in this compilation or <c>global::</c>-qualified).</param>
    /// <param name="Field">JSON name of this model's field that holds the parent's key.</param>
    /// <param name="TargetTypeName"><c>global::</c>-qualified parent type; filled in by cross-spec validation.</param>
    /// <param name="Accessor">The C# name of the accessor emitted for the parent (<c>Select{Accessor}()</c>,
    /// <c>Get{Accessor}Async()</c> extension methods), or null for none.</param>
    public sealed record QueryParentSpec(string Model, string Field, string TargetTypeName, string? Accessor = null);
}
