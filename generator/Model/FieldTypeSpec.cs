namespace CbTyped.Generator.Model
{
    /// <summary>A field's type. Recursive for lists and maps.</summary>
    /// <param name="Kind">The kind.</param>
    /// <param name="Text">The type as written in the spec, normalised (no spaces), e.g. <c>list&lt;int&gt;</c>.</param>
    /// <param name="Element">Element type of a list, value type of a map; otherwise null.</param>
    /// <param name="NestedTypeName">For <see cref="FieldKind.Nested"/>: the name under <c>types:</c>.</param>
    /// <param name="ClrTypeName">For <see cref="FieldKind.Clr"/>: the type name after <c>clr:</c>, <c>global::</c>-qualified.</param>
    /// <param name="EnumTypeName">For <see cref="FieldKind.Enum"/>: the C# enum name (<c>enumName:</c>, else owner name + property name, e.g. <c>SensorStatus</c>).</param>
    /// <param name="EnumValues">For <see cref="FieldKind.Enum"/>: the wire values in spec order.</param>
    public sealed record FieldTypeSpec(
        FieldKind Kind,
        string Text,
        FieldTypeSpec? Element,
        string? NestedTypeName,
        string? ClrTypeName,
        string? EnumTypeName,
        EquatableArray<EnumValueSpec> EnumValues)
    {
        /// <summary>True for kinds that are C# value types (int, long, double, bool, DateTimeOffset, enum, Guid).</summary>
        public bool IsValueType => Kind is FieldKind.Int or FieldKind.Long or FieldKind.Double or FieldKind.Bool
            or FieldKind.DateTime or FieldKind.Enum or FieldKind.Guid;
    }
}
