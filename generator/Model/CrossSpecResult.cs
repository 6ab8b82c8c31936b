namespace CbTyped.Generator.Model
{
    /// <summary>The result of validating all specs together: the models to emit and the cross-spec problems.</summary>
    public sealed record CrossSpecResult(EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);
}
