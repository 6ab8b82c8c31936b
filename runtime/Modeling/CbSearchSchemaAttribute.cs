using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>
/// The query-language fields of a searchable model, written by the generator from its spec so the CbTyped analyzer
/// can check query strings against them in any project that references the model — built-in models included, whose
/// specs are not in a consumer's project. At run time only the PowerShell module reads it, for tab completion of
/// query field names.
/// </summary>
/// <remarks>For generated code; applications should not use it, and its encoding may change between versions.</remarks>
/// <param name="searchable">One entry per field a query may name: <c>name:kind:flags:Property</c>, kind <c>t</c>
/// (text), <c>n</c> (number), <c>d</c> (date), <c>b</c> (bool) or <c>i</c> (IP address); flags <c>s</c> (sortable),
/// <c>f</c> (facet); <c>Property</c> the field's member of the model's <c>Fields</c> class.</param>
/// <param name="notSearchable">The document fields the server does not search (<c>search: false</c>):
/// <c>name</c>, or <c>name:s</c> when the field is sortable.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CbSearchSchemaAttribute(string[] searchable, string[] notSearchable) : Attribute
{
    /// <summary>The searchable fields, encoded as <c>name:kind:flags:Property</c>.</summary>
    public IReadOnlyList<string> Searchable { get; } = searchable;

    /// <summary>The document fields that cannot be searched, encoded as <c>name</c> or <c>name:s</c>.</summary>
    public IReadOnlyList<string> NotSearchable { get; } = notSearchable;
}
