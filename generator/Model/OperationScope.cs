namespace CbTyped.Generator.Model
{
    /// <summary>Whether an operation acts on one instance or on the model's collection (a static method taking the session).</summary>
    public enum OperationScope
    {
        /// <summary>An instance method: route placeholders may name this model's fields.</summary>
        Instance = 0,
        /// <summary>A static method whose first parameter is the session (the <c>CbResponseClient</c>).</summary>
        Collection = 1,
    }
}
