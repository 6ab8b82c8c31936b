namespace CbTyped.Modeling;

// Per-field state bits: loaded (decoded value cached), dirty (differs from the document), null (the set value is null).
// The first 64 fields use three words inline; wider types get an array once, so the common case allocates nothing.
public abstract partial class CbObject
{
    private const int LoadedWord = 0;
    private const int DirtyWord = 1;
    private const int NullWord = 2;

    private ulong _loaded;
    private ulong _dirty;
    private ulong _nulls;
    private ulong[]? _wideBits;

    private bool GetBit(int word, int index)
    {
        if (index < 64)
        {
            ulong bits = word switch { LoadedWord => _loaded, DirtyWord => _dirty, _ => _nulls };
            return (bits & (1UL << index)) != 0;
        }

        ulong[]? wide = _wideBits;
        return wide is not null && (wide[WideIndex(word, index)] & (1UL << (index & 63))) != 0;
    }

    private void SetBit(int word, int index, bool value)
    {
        if (index < 64)
        {
            ulong mask = 1UL << index;
            ref ulong bits = ref word == LoadedWord ? ref _loaded : ref (word == DirtyWord ? ref _dirty : ref _nulls);
            bits = value ? bits | mask : bits & ~mask;
            return;
        }

        if (_wideBits is null)
        {
            if (!value)
            {
                return;
            }

            _wideBits = new ulong[3 * ((FieldCount + 63) / 64)];
        }

        ref ulong slot = ref _wideBits[WideIndex(word, index)];
        slot = value ? slot | (1UL << (index & 63)) : slot & ~(1UL << (index & 63));
    }

    private static int WideIndex(int word, int index) => (3 * ((index >> 6) - 1)) + word;

    private bool AnyDirtyBit()
    {
        if (_dirty != 0)
        {
            return true;
        }

        ulong[]? wide = _wideBits;
        if (wide is null)
        {
            return false;
        }

        for (int i = DirtyWord; i < wide.Length; i += 3)
        {
            if (wide[i] != 0)
            {
                return true;
            }
        }

        return false;
    }

    private void ResetBits()
    {
        _loaded = 0;
        _dirty = 0;
        _nulls = 0;
        _wideBits = null;
    }
}
