namespace CbTyped.Modeling;

/// <summary>A generated JSON object type (a model or a nested type) that can make empty instances of itself.</summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
public interface ICbObject<TSelf>
    where TSelf : CbObject, ICbObject<TSelf>
{
    /// <summary>A new, empty instance (the generated constructor; no <c>Activator</c>).</summary>
    static abstract TSelf CreateInstance();
}
