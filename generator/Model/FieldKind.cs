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
        /// <summary><c>json</c>: any JSON value (number, string, array, object, true, false, null), kept as sent.</summary>
        Json = 12,
    }
#pragma warning restore CA1720
}
