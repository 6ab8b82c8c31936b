using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>
/// Selects a sorted page without sorting every match: each match becomes a (first key, ordinal) entry compared
/// without indirection, and only the best start+rows entries are kept in a bounded max-heap. When the page reaches
/// deep into the matches, a full sort is cheaper.
/// </summary>
internal static class TopDocs
{
    public static IReadOnlyList<int> Select(CbSearchIndex index, DocSet matches, int total, SortSpec sort, int start, int rows)
    {
        var wanted = (int)Math.Min((long)start + rows, total);
        var comparer = new EntryComparer(sort);
        SortEntry[] top;
        if (wanted * 4L >= total)
        {
            top = new SortEntry[total];
            var n = 0;
            foreach (var doc in matches)
            {
                top[n++] = sort.EntryFor(index, doc);
            }

            Array.Sort(top, comparer);
        }
        else
        {
            top = BoundedHeap.Best(matches, wanted, sort, index, comparer);
        }

        var page = new int[Math.Max(0, Math.Min(rows, wanted - start))];
        for (var i = 0; i < page.Length; i++)
        {
            page[i] = top[start + i].Ordinal;
        }

        return page;
    }
}
