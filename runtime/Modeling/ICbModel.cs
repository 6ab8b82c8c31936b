namespace CbTyped.Modeling;

/// <summary>A generated JSON object type (a model or a nested type) that can make empty instances of itself.</summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
public interface ICbObject<TSelf>
    where TSelf : CbObject, ICbObject<TSelf>
{
    /// <summary>A new, empty instance (the generated constructor; no <c>Activator</c>).</summary>
    static abstract TSelf CreateInstance();
}

/// <summary>A generated model: what the runtime needs to fetch, query, save and delete it, without reflection.</summary>
/// <typeparam name="TSelf">The generated model type.</typeparam>
public interface ICbModel<TSelf> : ICbObject<TSelf>
    where TSelf : CbModel, ICbModel<TSelf>
{
    /// <summary>Routes, key, query kind, field and join tables and the reader and writer delegates.</summary>
    static abstract CbModelInfo<TSelf> ModelInfo { get; }
}
