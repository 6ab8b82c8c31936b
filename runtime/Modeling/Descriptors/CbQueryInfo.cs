using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>A model's query kind and defaults.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbQueryInfo
{
    /// <summary>Describes how a model is queried.</summary>
    public CbQueryInfo(
        CbQueryKind kind,
        IReadOnlyList<string>? parameters = null,
        string? parentModel = null,
        string? parentField = null,
        string? defaultSort = null,
        int? pageSize = null,
        bool sendsLegacy5xMode = false)
    {
        SendsLegacy5xMode = sendsLegacy5xMode;
        Kind = kind;
        Parameters = parameters ?? [];
        ParentModel = parentModel;
        ParentField = parentField;
        DefaultSort = defaultSort;
        PageSize = pageSize;
    }

    /// <summary>The query kind.</summary>
    public CbQueryKind Kind { get; }

    /// <summary>For server lists: the query parameters the server accepts.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>For child lists: the parent model's C# name.</summary>
    public string? ParentModel { get; }

    /// <summary>For child lists: this model's JSON field holding the parent key.</summary>
    public string? ParentField { get; }

    /// <summary>For searches: the default sort (e.g. <c>last_update desc</c>).</summary>
    public string? DefaultSort { get; }

    /// <summary>The page size the spec asks for, or null for the runtime's default.</summary>
    public int? PageSize { get; }

    /// <summary>
    /// For searches: when the server has event partitions from 5.x (<see cref="CbServerInfo.IsLegacy5xMode"/>), every
    /// page, count and facet request sends <c>cb.legacy_5x_mode=True</c> (cbapi's process queries do).
    /// </summary>
    public bool SendsLegacy5xMode { get; }
}
