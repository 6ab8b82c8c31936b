namespace CbTyped.Generator.Model
{
    /// <summary>An operation with its route, typed parameters, request body and response, declared under <c>operations:</c>.</summary>
    /// <param name="Name">The operation's name as written (the key under <c>operations:</c>).</param>
    /// <param name="MethodName">C# method name without the <c>Async</c> suffix (<c>name:</c>, else PascalCase of the name).</param>
    /// <param name="Doc">Doc text for the XML summary, or null.</param>
    /// <param name="Scope">Instance or collection.</param>
    /// <param name="Route">The route and its server-version variants (its <see cref="RouteSpec.Name"/> is the operation's name).</param>
    /// <param name="Parameters">Typed parameters in spec order.</param>
    /// <param name="Body">What is sent.</param>
    /// <param name="Response">What is read back.</param>
    /// <param name="IsInternal">True for <c>access: internal</c>: a building block for a hand-written partial, not public surface.</param>
    public sealed record OperationSpec(
        string Name,
        string MethodName,
        string? Doc,
        OperationScope Scope,
        RouteSpec Route,
        EquatableArray<OperationParameterSpec> Parameters,
        OperationBodySpec Body,
        OperationResponseSpec Response,
        bool IsInternal);
}
