using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>
/// The query-language fields of a searchable model, written by the generator from its spec so the CbTyped analyzer
/// can check query strings against them in any project that references the model — built-in models included, whose
/// specs are not in a consumer's project. At run time only the PowerShell module reads it, for tab completion of
/// query field names.
/// </summary>
/// <remarks>For generated code; applications should not use it, and its encoding may change between versions.</remarks>
/// <param name="searchable">One entry per field a query may name: <c>name:kind:flags</c>, kind <c>t</c> (text),
/// <c>n</c> (number), <c>d</c> (date), <c>b</c> (bool) or <c>i</c> (IP address); flags <c>s</c> (sortable),
/// <c>f</c> (facet).</param>
/// <param name="notSearchable">The JSON names of document fields the server does not search (<c>search: false</c>).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CbSearchSchemaAttribute(string[] searchable, string[] notSearchable) : Attribute
{
    /// <summary>The searchable fields, encoded as <c>name:kind:flags</c>.</summary>
    public IReadOnlyList<string> Searchable { get; } = searchable;

    /// <summary>The document fields that cannot be searched.</summary>
    public IReadOnlyList<string> NotSearchable { get; } = notSearchable;
}
