namespace CbTyped.Generator.Model
{
    /// <summary>The request body of an operation.</summary>
    /// <param name="Kind">Its shape.</param>
    /// <param name="Fields">For <see cref="OperationBodyKind.Fields"/>: the JSON names of the fields, in spec order.</param>
    /// <param name="Constants">Constant members, in spec order (object bodies only).</param>
    /// <param name="Template">For <see cref="OperationBodyKind.Template"/>: the JSON text; otherwise null.</param>
    /// <param name="FileNameParameter">For <see cref="OperationBodyKind.Multipart"/>: the wire name of the string parameter holding the file part's file name (not sent as a part of its own); otherwise null.</param>
    public sealed record OperationBodySpec(
        OperationBodyKind Kind,
        EquatableArray<string> Fields,
        EquatableArray<OperationConstantSpec> Constants,
        string? Template = null,
        string? FileNameParameter = null)
    {
        /// <summary>No body.</summary>
        public static OperationBodySpec None { get; } =
            new OperationBodySpec(OperationBodyKind.None, EquatableArray<string>.Empty, EquatableArray<OperationConstantSpec>.Empty);

        /// <summary>True when the body is a JSON object the operation writes member by member (body parameters allowed).</summary>
        public bool IsMemberObject => Kind == OperationBodyKind.Fields || Kind == OperationBodyKind.Parameters;
    }
}
