namespace CbTyped.Generator.Model
{
    /// <summary>One field of a model or nested type.</summary>
    /// <param name="JsonName">Name in the JSON document (the key under <c>fields:</c>).</param>
    /// <param name="PropertyName">C# property name (the <c>name:</c> override, else PascalCase of the JSON name).</param>
    /// <param name="Type">The field's type.</param>
    /// <param name="Nullable">Whether the C# property is nullable (default true: the server may omit any value).</param>
    /// <param name="ReadOnly">Server-owned: never written on create or update.</param>
    /// <param name="RequiredOnCreate">Must be set before a POST (reported by <c>MissingRequiredFields()</c>).</param>
    /// <param name="SearchName">Query-language field name for typed query fields, or null when not searchable.</param>
    /// <param name="Sortable">May be used in <c>sort=</c>.</param>
    /// <param name="Facet">May be requested as a facet.</param>
    /// <param name="Doc">Doc text, or null.</param>
    /// <param name="DateFormat">For <see cref="FieldKind.DateTime"/> (also list elements): how the value is written back.</param>
    /// <param name="PowerShell">The field's <c>powershell:</c> block (cmdlet parameter hints), or null.</param>
    public sealed record FieldSpec(
        string JsonName,
        string PropertyName,
        FieldTypeSpec Type,
        bool Nullable,
        bool ReadOnly,
        bool RequiredOnCreate,
        string? SearchName,
        bool Sortable,
        bool Facet,
        string? Doc,
        DateFormat DateFormat,
        PowerShellFieldSpec? PowerShell = null);
}
