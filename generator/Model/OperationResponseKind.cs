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
}
