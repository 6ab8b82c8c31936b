namespace CbTyped.Generator.Model
{
    /// <summary>What an operation reads from the answer.</summary>
    public enum OperationResponseKind
    {
        /// <summary>Nothing (the answer is checked for errors and dropped).</summary>
        None = 0,
        /// <summary>This instance is reloaded from its get route.</summary>
        Refresh = 1,
        /// <summary>The answer is this model's document and is loaded into this instance.</summary>
        Load = 2,
        /// <summary>One model (of <see cref="OperationResponseSpec.Model"/>).</summary>
        Model = 3,
        /// <summary>A list of models (a JSON array or a search envelope).</summary>
        List = 4,
        /// <summary>A JSON object keyed by name whose values are models, returned as a list in ordinal name order.</summary>
        Map = 5,
        /// <summary>One JSON scalar (<see cref="OperationResponseSpec.ScalarType"/>).</summary>
        Scalar = 6,
        /// <summary>The raw response body as a stream (the caller disposes it).</summary>
        Stream = 7,
    }

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
