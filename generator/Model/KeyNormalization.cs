namespace CbTyped.Generator.Model
{
    /// <summary>How key strings are normalised before lookup and caching.</summary>
    public enum KeyNormalization
    {
        None = 0,
        Upper = 1,
        Lower = 2,
    }
}
