using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>Keeps the best <c>k</c> entries of a stream: a max-heap whose root is the worst entry kept.</summary>
internal static class BoundedHeap
{
    public static SortEntry[] Best(DocSet matches, int k, SortSpec sort, CbSearchIndex index, EntryComparer comparer)
    {
        var heap = new SortEntry[k];
        var count = 0;
        foreach (var doc in matches)
        {
            var entry = sort.EntryFor(index, doc);
            if (count < k)
            {
                heap[count] = entry;
                SiftUp(heap, count++, comparer);
            }
            else if (comparer.Compare(entry, heap[0]) < 0)
            {
                heap[0] = entry;
                SiftDown(heap, count, comparer);
            }
        }

        Array.Sort(heap, 0, count, comparer);
        return heap;
    }

    private static void SiftUp(SortEntry[] heap, int i, EntryComparer comparer)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (comparer.Compare(heap[i], heap[parent]) <= 0)
            {
                return;
            }

            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown(SortEntry[] heap, int count, EntryComparer comparer)
    {
        var i = 0;
        while (true)
        {
            var largest = i;
            var left = (2 * i) + 1;
            if (left < count && comparer.Compare(heap[left], heap[largest]) > 0)
            {
                largest = left;
            }

            if (left + 1 < count && comparer.Compare(heap[left + 1], heap[largest]) > 0)
            {
                largest = left + 1;
            }

            if (largest == i)
            {
                return;
            }

            (heap[i], heap[largest]) = (heap[largest], heap[i]);
            i = largest;
        }
    }
}
