namespace CbTyped.Emulator.Query.Index;

/// <summary>A growable int array without List's bounds-check overhead; postings and columns are built from these.</summary>
internal sealed class IntList
{
    private int[] _items;

    public IntList(int capacity = 4) => _items = new int[Math.Max(1, capacity)];

    public int Count { get; private set; }

    public int this[int index] => _items[index];

    public int Last => _items[Count - 1];

    public ReadOnlySpan<int> Span => _items.AsSpan(0, Count);

    public void Add(int value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }

    /// <summary>Adds a document id to a posting list once (ids arrive in ascending order).</summary>
    public void AddDistinctAscending(int value)
    {
        if (Count == 0 || _items[Count - 1] != value)
        {
            Add(value);
        }
    }

    public void Set(int index, int value) => _items[index] = value;
}
