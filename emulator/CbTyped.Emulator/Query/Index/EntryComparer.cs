using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>Orders entries by first key, then the remaining sort keys, then ordinal.</summary>
internal sealed class EntryComparer(SortSpec sort) : IComparer<SortEntry>
{
    public int Compare(SortEntry x, SortEntry y)
    {
        var order = x.Key.CompareTo(y.Key);
        if (order != 0)
        {
            return order;
        }

        if (sort.Keys.Count > 1)
        {
            order = sort.CompareKeys(1, x.Doc, y.Doc);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Ordinal.CompareTo(y.Ordinal);
    }
}
