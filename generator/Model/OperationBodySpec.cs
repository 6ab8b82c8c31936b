namespace CbTyped.Generator.Model
{
    /// <summary>What an operation sends as its JSON body.</summary>
    public enum OperationBodyKind
    {
        /// <summary>No body.</summary>
        None = 0,
        /// <summary>The JSON literal <c>null</c> (endpoints that want a JSON body but read nothing from it).</summary>
        Null = 1,
        /// <summary>The model's changed fields.</summary>
        Changes = 2,
        /// <summary>The whole model, unknown members included (as a PUT sends it).</summary>
        Model = 3,
        /// <summary>The model as a create sends it (no read-only fields); required fields are checked first.</summary>
        Create = 4,
        /// <summary>An array of one model written as a create; required fields are checked first.</summary>
        Array = 5,
        /// <summary>An object of the named fields' current values, the constants and the body parameters.</summary>
        Fields = 6,
        /// <summary>An object of the constants and the body parameters only.</summary>
        Parameters = 7,
        /// <summary>A JSON text with <c>{placeholder}</c>s (<see cref="OperationBodySpec.Template"/>), for shapes the others cannot say.</summary>
        Template = 8,
    }

    /// <summary>A constant member of a body object (<c>set: { enabled: true }</c>).</summary>
    /// <param name="JsonName">The member name.</param>
    /// <param name="JsonLiteral">The value as JSON text (<c>true</c>, <c>12</c>, <c>"text"</c>, <c>null</c>).</param>
    public sealed record OperationConstantSpec(string JsonName, string JsonLiteral);

    /// <summary>The request body of an operation.</summary>
    /// <param name="Kind">Its shape.</param>
    /// <param name="Fields">For <see cref="OperationBodyKind.Fields"/>: the JSON names of the fields, in spec order.</param>
    /// <param name="Constants">Constant members, in spec order (object bodies only).</param>
    /// <param name="Template">For <see cref="OperationBodyKind.Template"/>: the JSON text; otherwise null.</param>
    public sealed record OperationBodySpec(
        OperationBodyKind Kind,
        EquatableArray<string> Fields,
        EquatableArray<OperationConstantSpec> Constants,
        string? Template = null)
    {
        /// <summary>No body.</summary>
        public static OperationBodySpec None { get; } =
            new OperationBodySpec(OperationBodyKind.None, EquatableArray<string>.Empty, EquatableArray<OperationConstantSpec>.Empty);

        /// <summary>True when the body is a JSON object the operation writes member by member (body parameters allowed).</summary>
        public bool IsMemberObject => Kind == OperationBodyKind.Fields || Kind == OperationBodyKind.Parameters;
    }
}
