namespace CbTyped.Generator.Model
{
    /// <summary>One typed parameter of an operation.</summary>
    /// <param name="Name">The wire name (placeholder, query name or JSON member).</param>
    /// <param name="CSharpName">The C# parameter name (camelCase of the wire name, or <c>name:</c>).</param>
    /// <param name="Type">One of <c>string</c>, <c>int</c>, <c>long</c>, <c>double</c>, <c>bool</c>, <c>list&lt;string&gt;</c>, <c>list&lt;int&gt;</c>,
    /// <c>json</c> (any JSON value), <c>members</c> (free-form members of the body object) or <c>stream</c> (a multipart file part).</param>
    /// <param name="In">Where the value goes.</param>
    /// <param name="Optional">True: the C# parameter is nullable with a null default and is left out when null.</param>
    /// <param name="Doc">Doc text for the <c>&lt;param&gt;</c>, or null.</param>
    /// <param name="DefaultLiteral">The C# default value (<c>default:</c>) as a C# literal, or null when the caller must pass it.</param>
    public sealed record OperationParameterSpec(
        string Name,
        string CSharpName,
        string Type,
        ParameterLocation In,
        bool Optional,
        string? Doc,
        string? DefaultLiteral);
}
