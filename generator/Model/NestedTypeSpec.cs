namespace CbTyped.Generator.Model
{
    /// <summary>A nested object type declared under <c>types:</c>, generated as a partial class.</summary>
    /// <param name="Name">C# type name (the key under <c>types:</c>).</param>
    /// <param name="Doc">Doc text, or null.</param>
    /// <param name="Fields">Fields in spec order (query-only modifiers such as search/sort/facet do not apply).</param>
    public sealed record NestedTypeSpec(string Name, string? Doc, EquatableArray<FieldSpec> Fields);
}
