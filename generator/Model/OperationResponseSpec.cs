namespace CbTyped.Generator.Model
{
    /// <summary>The response of an operation.</summary>
    /// <param name="Kind">Its shape.</param>
    /// <param name="Model">For model, list and map: the model as written (this spec's name, another spec's, or <c>global::…</c>).</param>
    /// <param name="ScalarType">For scalars: <c>string</c>, <c>int</c>, <c>long</c>, <c>double</c> or <c>bool</c>.</param>
    /// <param name="TargetTypeName"><c>global::</c>-qualified model type; filled in by cross-spec validation (empty before).</param>
    public sealed record OperationResponseSpec(
        OperationResponseKind Kind,
        string? Model,
        string? ScalarType,
        string TargetTypeName)
    {
        /// <summary>No response.</summary>
        public static OperationResponseSpec None { get; } = new OperationResponseSpec(OperationResponseKind.None, null, null, string.Empty);

        /// <summary>True for the kinds that name a model.</summary>
        public bool NamesModel => Kind == OperationResponseKind.Model || Kind == OperationResponseKind.List || Kind == OperationResponseKind.Map;
    }
}
