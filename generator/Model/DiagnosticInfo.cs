namespace CbTyped.Generator.Model
{
    /// <summary>A diagnostic as data: turned into a Roslyn Diagnostic only in the output step.</summary>
    /// <param name="Id">The CBTnnnn id (see Diagnostics/DiagnosticDescriptors).</param>
    /// <param name="FilePath">The spec file's path.</param>
    /// <param name="Span">Where in the file.</param>
    /// <param name="MessageArgs">Arguments for the descriptor's message format.</param>
    public sealed record DiagnosticInfo(string Id, string FilePath, SpecSpan Span, EquatableArray<string> MessageArgs);
}
