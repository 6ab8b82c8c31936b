namespace CbTyped.Modeling;

// Reloading a document under pending changes: a refresh that lands while a save of the object is in flight must not
// drop what the save is about to send (the save builds its body from this object).
public abstract partial class CbObject
{
    /// <summary>
    /// Replaces the document like <see cref="LoadJson(ReadOnlyMemory{byte})"/> but keeps every changed field as it
    /// is: its value, still dirty, over the new document. Unchanged fields read from the new document.
    /// </summary>
    internal void LoadJsonKeepingChanges(ReadOnlyMemory<byte> json)
    {
        int count = FieldCount;
        List<(int Index, bool Dirty, bool IsNull)>? changed = null;
        for (int i = 0; i < count; i++)
        {
            if (IsChanged(i))
            {
                (changed ??= []).Add((i, GetBit(DirtyWord, i), GetBit(NullWord, i)));
            }
        }

        if (changed is null)
        {
            LoadJson(json);
            return;
        }

        object?[]? assigned = _assigned;
        LoadJson(json);
        _assigned = assigned;
        foreach (var (index, dirty, isNull) in changed)
        {
            // The cached value (a set value, or a nested object changed in place) stays the property's value.
            SetBit(LoadedWord, index, true);
            if (dirty)
            {
                SetBit(DirtyWord, index, true);
                SetBit(NullWord, index, isNull);
            }
        }
    }
}
