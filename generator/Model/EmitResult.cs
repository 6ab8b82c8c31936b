namespace CbTyped.Generator.Model
{
    /// <summary>What the emit step produced for one model.</summary>
    public sealed record EmitResult(EquatableArray<GeneratedSource> Sources, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>Nothing emitted, nothing reported.</summary>
        public static EmitResult Empty { get; } = new EmitResult(EquatableArray<GeneratedSource>.Empty, EquatableArray<DiagnosticInfo>.Empty);
    }
}
