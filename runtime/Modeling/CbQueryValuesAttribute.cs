using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>
/// The values a query field of an enum type may take (its spec's <c>values:</c>), written by the generator on the
/// model; the PowerShell module reads it to tab-complete <c>status:</c> as <c>status:Online</c>, …
/// </summary>
/// <remarks>For generated code; applications should not use it.</remarks>
/// <param name="field">The query-language name of the field.</param>
/// <param name="values">Its values as the server sends them, in spec order.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CbQueryValuesAttribute(string field, params string[] values) : Attribute
{
    /// <summary>The query-language name of the field.</summary>
    public string Field { get; } = field;

    /// <summary>Its values as the server sends them.</summary>
    public IReadOnlyList<string> Values { get; } = values;
}
