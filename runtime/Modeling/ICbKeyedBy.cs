namespace CbTyped.Modeling;

/// <summary>
/// A generated model whose key is one field of type <typeparamref name="TKey"/> (<c>int</c>, <c>long</c> or
/// <see cref="Guid"/> in its spec), so <c>cb.GetAsync&lt;Sensor&gt;(1)</c> compiles (see <see cref="CbModelKeyExtensions"/>)
/// and <c>cb.GetAsync&lt;Binary&gt;(1)</c> does not. String keys need nothing: every model takes its key string.
/// </summary>
/// <typeparam name="TKey">The key field's C# type.</typeparam>
#pragma warning disable CA1040 // A marker: the key type is the whole contract, checked by the compiler through the constraint.
public interface ICbKeyedBy<TKey>
    where TKey : notnull
{
}
#pragma warning restore CA1040
