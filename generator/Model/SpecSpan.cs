namespace CbTyped.Generator.Model
{
    /// <summary>A position range in a spec file. Lines and columns are 1-based, as editors show them.</summary>
    public sealed record SpecSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, int StartOffset, int EndOffset)
    {
        /// <summary>Start of the file (used when no better position is known).</summary>
        public static SpecSpan FileStart { get; } = new SpecSpan(1, 1, 1, 1, 0, 0);
    }
}
