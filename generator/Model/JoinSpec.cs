namespace CbTyped.Generator.Model
{
    /// <summary>A join to another model.</summary>
    /// <param name="Name">The join's name as written (key under <c>joins:</c>).</param>
    /// <param name="PropertyName">C# member name (PascalCase of the name, or <c>name:</c>), e.g. <c>Group</c> → <c>GetGroupAsync()</c>.</param>
    /// <param name="Kind">To-one or to-many.</param>
    /// <param name="Model">The target as written: a model name in this compilation, or a <c>global::</c>-qualified C# name.</param>
    /// <param name="Via">ToOne: JSON name of this model's field holding the target's key (the first part's, for a composite key); otherwise null.</param>
    /// <param name="Query">ToMany: query template with <c>{json_field}</c> placeholders of this model; otherwise null.</param>
    /// <param name="QueryPlaceholders">ToMany: the placeholder names in the query template.</param>
    /// <param name="Doc">Doc text, or null.</param>
    /// <param name="TargetTypeName"><c>global::</c>-qualified target type; filled in by cross-spec validation (empty before).</param>
    /// <param name="TargetIsExternal">True when the target is declared in another assembly (written with <c>global::</c>).</param>
    /// <param name="KeyParts">ToOne: where each part of the target's key comes from, in key order: a JSON field of this
    /// model, or <see cref="JoinSpec.DefaultProcessSegment"/>. One entry for a single-field key.</param>
    /// <param name="WhenField">ToOne: a field that must hold <paramref name="WhenContains"/> for the join to have a target (else null is returned); null when unconditional.</param>
    /// <param name="WhenContains">The text <paramref name="WhenField"/> must contain (ordinal).</param>
    public sealed record JoinSpec(
        string Name,
        string PropertyName,
        JoinKind Kind,
        string Model,
        string? Via,
        string? Query,
        EquatableArray<string> QueryPlaceholders,
        string? Doc,
        string TargetTypeName,
        bool TargetIsExternal,
        EquatableArray<string> KeyParts,
        string? WhenField,
        string? WhenContains)
    {
        /// <summary>The key part the runtime fills with the server's default process segment (0 from 6.0, else 1).</summary>
        public const string DefaultProcessSegment = "server.defaultProcessSegment";

        /// <summary>True when a key part needs the server's version (so there is no lazy reference without I/O).</summary>
        public bool NeedsServerInfo
        {
            get
            {
                foreach (var part in KeyParts)
                {
                    if (part == DefaultProcessSegment) return true;
                }
                return false;
            }
        }
    }
}
