namespace CbTyped.Emulator.Query.Index;

/// <summary>The <see cref="IntList"/> of longs: numeric and date values beside their document ids.</summary>
internal sealed class LongList
{
    private long[] _items = new long[16];

    public int Count { get; private set; }

    public ReadOnlySpan<long> Span => _items.AsSpan(0, Count);

    public void Add(long value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }
}
