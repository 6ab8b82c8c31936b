namespace CbTyped.Generator.Model
{
    /// <summary>A position range in a spec file. Lines and columns are 1-based, as editors show them.</summary>
    public sealed record SpecSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, int StartOffset, int EndOffset)
    {
        /// <summary>Start of the file (used when no better position is known).</summary>
        public static SpecSpan FileStart { get; } = new SpecSpan(1, 1, 1, 1, 0, 0);
    }

    /// <summary>A diagnostic as data: turned into a Roslyn Diagnostic only in the output step.</summary>
    /// <param name="Id">The CBTnnnn id (see Diagnostics/DiagnosticDescriptors).</param>
    /// <param name="FilePath">The spec file's path.</param>
    /// <param name="Span">Where in the file.</param>
    /// <param name="MessageArgs">Arguments for the descriptor's message format.</param>
    public sealed record DiagnosticInfo(string Id, string FilePath, SpecSpan Span, EquatableArray<string> MessageArgs);
}
