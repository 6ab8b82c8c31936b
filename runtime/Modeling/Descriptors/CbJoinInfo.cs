using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>One join of a model, as its spec declares it.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbJoinInfo
{
    /// <summary>Describes a join.</summary>
    public CbJoinInfo(string name, CbJoinKind kind, string targetModel, string? via = null, string? queryTemplate = null)
        : this(name, kind, targetModel, via is null ? [] : [via], queryTemplate)
    {
    }

    /// <summary>Describes a join whose target key has several parts (<paramref name="viaParts"/>, in key order).</summary>
    public CbJoinInfo(string name, CbJoinKind kind, string targetModel, IReadOnlyList<string> viaParts, string? queryTemplate = null)
    {
        ArgumentNullException.ThrowIfNull(viaParts);
        Name = name;
        Kind = kind;
        TargetModel = targetModel;
        ViaParts = viaParts;
        Via = viaParts.Count > 0 ? viaParts[0] : null;
        QueryTemplate = queryTemplate;
    }

    /// <summary>The spec's join name (e.g. <c>sensor</c>).</summary>
    public string Name { get; }

    /// <summary>To-one or to-many.</summary>
    public CbJoinKind Kind { get; }

    /// <summary>The target model's C# name (fully qualified when it lives in another assembly).</summary>
    public string TargetModel { get; }

    /// <summary>For to-one joins: the JSON name of the field holding the target's key (its first part, for a composite key).</summary>
    public string? Via { get; }

    /// <summary>
    /// For to-one joins: where each part of the target's key comes from, in key order: a JSON field of this model, or
    /// <c>server.defaultProcessSegment</c> (the server's default process segment). One entry for a single-field key;
    /// empty for to-many joins.
    /// </summary>
    public IReadOnlyList<string> ViaParts { get; }

    /// <summary>For to-many joins: the query text, with <c>{json_field}</c> placeholders filled from this model.</summary>
    public string? QueryTemplate { get; }
}
