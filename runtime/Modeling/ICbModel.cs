namespace CbTyped.Modeling;

/// <summary>A generated model: what the runtime needs to fetch, query, save and delete it, without reflection.</summary>
/// <typeparam name="TSelf">The generated model type.</typeparam>
public interface ICbModel<TSelf> : ICbObject<TSelf>
    where TSelf : CbModel, ICbModel<TSelf>
{
    /// <summary>Routes, key, query kind, field and join tables and the reader and writer delegates.</summary>
    static abstract CbModelInfo<TSelf> ModelInfo { get; }
}
