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
}
