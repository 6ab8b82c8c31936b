namespace CbTyped.Generator.Model
{
    /// <summary>The result of parsing one spec file.</summary>
    /// <param name="FilePath">The spec file's path.</param>
    /// <param name="Model">The model, or null when the file is too broken to produce one.</param>
    /// <param name="Diagnostics">Problems found in this file alone.</param>
    /// <param name="Anchors">Positions of the values cross-spec validation may need to point at (model name, join targets).</param>
    /// <param name="DeclaredName">The <c>model:</c> name even when the file has errors (so joins to it are not called unknown).</param>
    public sealed record ParseResult(
        string FilePath,
        string? DeclaredName,
        ModelSpec? Model,
        EquatableArray<DiagnosticInfo> Diagnostics,
        EquatableArray<SpecAnchor> Anchors);

    /// <summary>A named position in a spec file, e.g. <c>model</c> or <c>joins.group.model</c>.</summary>
    public sealed record SpecAnchor(string Path, SpecSpan Span);

    /// <summary>The result of validating all specs together: the models to emit and the cross-spec problems.</summary>
    public sealed record CrossSpecResult(EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>One generated source file.</summary>
    public sealed record GeneratedSource(string HintName, string Text);

    /// <summary>What the emit step produced for one model.</summary>
    public sealed record EmitResult(EquatableArray<GeneratedSource> Sources, EquatableArray<DiagnosticInfo> Diagnostics);
}
