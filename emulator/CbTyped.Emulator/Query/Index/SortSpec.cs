using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>A parsed <c>sort</c> parameter: <c>"field asc|desc[, field asc|desc …]"</c>.</summary>
internal sealed class SortSpec
{
    private SortSpec(IReadOnlyList<(long[] Column, bool Descending)> keys) => Keys = keys;

    /// <summary>Per key, the document column and direction; an empty list sorts by ordinal.</summary>
    public IReadOnlyList<(long[] Column, bool Descending)> Keys { get; }

    public static SortSpec Parse(string sort, CbSearchIndex index)
    {
        var keys = new List<(long[], bool)>();
        foreach (var part in sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = words.Length > 1 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (words.Length > 2 || (words.Length == 2 && !descending
                    && !words[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
            {
                throw new SearchSyntaxException($"query_malformed_syntax: bad sort '{part}'");
            }

            if (index.FindField(words[0]) is { } field)
            {
                keys.Add((index.SortColumn(field), descending));
            }
            else if (!index.Schema.TryGetField(words[0], out _))
            {
                throw new SearchSyntaxException($"query_malformed_syntax: can not sort on undefined field '{words[0]}'");
            }
        }

        return new SortSpec(keys);
    }

    /// <summary>Compares two internal documents: keys in order (missing values last), then ordinal ascending.</summary>
    public int Compare(CbSearchIndex index, int a, int b)
    {
        var order = CompareKeys(0, a, b);
        return order != 0 ? order : index.OrdinalOf(a).CompareTo(index.OrdinalOf(b));
    }

    /// <summary>The first key as one long that sorts ascending: descending keys inverted, missing values last.</summary>
    public SortEntry EntryFor(CbSearchIndex index, int doc)
    {
        var key = 0L;
        if (Keys.Count > 0)
        {
            var (column, descending) = Keys[0];
            var value = column[doc];
            key = value == long.MinValue ? long.MaxValue : descending ? ~value : value;
        }

        return new SortEntry(key, index.OrdinalOf(doc), doc);
    }

    /// <summary>Compares two documents on the keys from <paramref name="firstKey"/> on (missing values last).</summary>
    public int CompareKeys(int firstKey, int a, int b)
    {
        for (var k = firstKey; k < Keys.Count; k++)
        {
            var (column, descending) = Keys[k];
            long x = column[a], y = column[b];
            if (x == y)
            {
                continue;
            }

            if (x == long.MinValue)
            {
                return 1;
            }

            if (y == long.MinValue)
            {
                return -1;
            }

            return descending ? y.CompareTo(x) : x.CompareTo(y);
        }

        return 0;
    }
}

/// <summary>Builds per-document sort keys from what a field indexed.</summary>
internal static class SortColumns
{
    public static long[] Build(FieldIndex field, int length)
    {
        var column = new long[length];
        Array.Fill(column, long.MinValue);
        if (field.IsNumeric)
        {
            var docs = field.NumericDocs;
            var values = field.NumericValues;
            for (var i = 0; i < docs.Length; i++)
            {
                if (column[docs[i]] == long.MinValue)
                {
                    column[docs[i]] = values[i];
                }
            }
        }
        else if (field.Type is CbFieldType.Keyword or CbFieldType.Bool)
        {
            // Rank of the smallest term a document has.
            var sorted = field.Terms.Sorted();
            for (var rank = 0; rank < sorted.Ids.Length; rank++)
            {
                foreach (var doc in field.Terms.Postings(sorted.Ids[rank]))
                {
                    if (column[doc] == long.MinValue)
                    {
                        column[doc] = rank;
                    }
                }
            }
        }
        else
        {
            var (docs, valueIds, values) = field.WholeValues();
            var order = Enumerable.Range(0, values.Count).ToArray();
            Array.Sort(order, (x, y) => string.CompareOrdinal(values[x], values[y]));
            var rankOfValue = new long[values.Count];
            for (var rank = 0; rank < order.Length; rank++)
            {
                rankOfValue[order[rank]] = rank;
            }

            for (var i = 0; i < docs.Length; i++)
            {
                column[docs[i]] = rankOfValue[valueIds[i]];
            }
        }

        return column;
    }
}

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

/// <summary>A match's place in the sort: its first key (direction and missing values folded in) and ordinal.</summary>
internal readonly record struct SortEntry(long Key, int Ordinal, int Doc);

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

/// <summary><c>cb.group=id</c>: keeps, per process GUID, the first matching segment in sort order.</summary>
internal static class Grouping
{
    public static DocSet FirstPerProcess(CbSearchIndex index, DocSet matches, SortSpec sort)
    {
        var groups = index.GroupColumn();
        var best = new Dictionary<int, int>();
        var result = new DocSet(matches.Length);
        foreach (var doc in matches)
        {
            var group = groups[doc];
            if (group < 0)
            {
                result.Add(doc);
            }
            else if (!best.TryGetValue(group, out var current) || sort.Compare(index, doc, current) < 0)
            {
                best[group] = doc;
            }
        }

        foreach (var doc in best.Values)
        {
            result.Add(doc);
        }

        return result;
    }
}
