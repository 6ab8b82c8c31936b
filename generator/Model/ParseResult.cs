namespace CbTyped.Generator.Model
{
    /// <summary>The result of parsing one spec file.</summary>
    /// <param name="FilePath">The spec file's path.</param>
    /// <param name="Model">The model, or null when the file is too broken to produce one.</param>
    /// <param name="Diagnostics">Problems found in this file alone.</param>
    /// <remarks>
    /// No positions are kept for a valid spec, so an edit that only moves text (a comment) parses to an equal result.
    /// Cross-spec validation re-locates a value in the file's text only when it has something to report.
    /// </remarks>
    /// <param name="DeclaredName">The <c>model:</c> name even when the file has errors (so joins to it are not called unknown).</param>
    public sealed record ParseResult(
        string FilePath,
        string? DeclaredName,
        ModelSpec? Model,
        EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>A spec file's path and text: equatable, so an unchanged file is not parsed again.</summary>
    public sealed record SpecFile(string Path, string? Text);

    /// <summary>The result of validating all specs together: the models to emit and the cross-spec problems.</summary>
    public sealed record CrossSpecResult(EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>One generated source file.</summary>
    public sealed record GeneratedSource(string HintName, string Text);

    /// <summary>What the emit step produced for one model.</summary>
    public sealed record EmitResult(EquatableArray<GeneratedSource> Sources, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>Nothing emitted, nothing reported.</summary>
        public static EmitResult Empty { get; } = new EmitResult(EquatableArray<GeneratedSource>.Empty, EquatableArray<DiagnosticInfo>.Empty);
    }
}
