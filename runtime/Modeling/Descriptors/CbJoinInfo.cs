using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>One join of a model, as its spec declares it.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbJoinInfo
{
    /// <summary>Describes a join.</summary>
    public CbJoinInfo(string name, CbJoinKind kind, string targetModel, string? via = null, string? queryTemplate = null)
    {
        Name = name;
        Kind = kind;
        TargetModel = targetModel;
        Via = via;
        QueryTemplate = queryTemplate;
    }

    /// <summary>The spec's join name (e.g. <c>sensor</c>).</summary>
    public string Name { get; }

    /// <summary>To-one or to-many.</summary>
    public CbJoinKind Kind { get; }

    /// <summary>The target model's C# name (fully qualified when it lives in another assembly).</summary>
    public string TargetModel { get; }

    /// <summary>For to-one joins: the JSON name of the field holding the target's key.</summary>
    public string? Via { get; }

    /// <summary>For to-many joins: the query text, with <c>{json_field}</c> placeholders filled from this model.</summary>
    public string? QueryTemplate { get; }
}
