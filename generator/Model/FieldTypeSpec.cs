namespace CbTyped.Generator.Model
{
#pragma warning disable CA1720 // Member names mirror the spec's type words (string, int, ...).
    /// <summary>What kind of value a field holds.</summary>
    public enum FieldKind
    {
        String = 0,
        Int = 1,
        Long = 2,
        Double = 3,
        Bool = 4,
        DateTime = 5,
        Enum = 6,
        Guid = 7,
        /// <summary><c>list&lt;T&gt;</c>: <see cref="FieldTypeSpec.Element"/> is T.</summary>
        List = 8,
        /// <summary><c>map&lt;string,T&gt;</c>: <see cref="FieldTypeSpec.Element"/> is T (keys are always strings).</summary>
        Map = 9,
        /// <summary>A nested object type declared under <c>types:</c>: <see cref="FieldTypeSpec.NestedTypeName"/>.</summary>
        Nested = 10,
        /// <summary><c>clr:Full.Type.Name</c>: an existing CLR type, <see cref="FieldTypeSpec.ClrTypeName"/>.</summary>
        Clr = 11,
    }
#pragma warning restore CA1720

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

    /// <summary>One enum member: the value on the wire and the C# member name (PascalCase of the wire value).</summary>
    public sealed record EnumValueSpec(string WireValue, string MemberName);
}
