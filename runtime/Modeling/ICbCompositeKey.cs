namespace CbTyped.Modeling;

/// <summary>
/// The generated key struct of a model with a composite key (Process: GUID and segment), so
/// <c>cb.GetAsync(new ProcessKey(guid, 1))</c> is typed on both parts (see <see cref="CbModelKeyExtensions"/>).
/// </summary>
/// <typeparam name="TModel">The model this key identifies.</typeparam>
public interface ICbCompositeKey<TModel>
    where TModel : CbModel, ICbModel<TModel>
{
    /// <summary>The key string: the parts' wire text joined with <c>/</c>, as <see cref="CbModel.GetKeyString"/> gives it.</summary>
    string KeyText { get; }
}
