using CbTyped.Emulator.Query.Parsing;
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
        foreach (var (column, descending) in Keys)
        {
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

        return index.OrdinalOf(a).CompareTo(index.OrdinalOf(b));
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
            var (docs, values) = field.WholeValues();
            var order = Enumerable.Range(0, values.Count).ToArray();
            Array.Sort(order, (x, y) => string.CompareOrdinal(values[x], values[y]));
            for (var rank = 0; rank < order.Length; rank++)
            {
                column[docs.Span[order[rank]]] = rank;
            }
        }

        return column;
    }
}

/// <summary>Selects a sorted page without sorting every match: a bounded heap of start+rows documents.</summary>
internal static class TopDocs
{
    public static IReadOnlyList<int> Select(CbSearchIndex index, DocSet matches, int total, SortSpec sort, int start, int rows)
    {
        var wanted = (int)Math.Min((long)start + rows, total);
        var comparer = Comparer<int>.Create((a, b) => sort.Compare(index, a, b));
        int[] top;
        if (wanted * 4L >= total)
        {
            top = new int[total];
            var n = 0;
            foreach (var doc in matches)
            {
                top[n++] = doc;
            }

            Array.Sort(top, comparer);
        }
        else
        {
            // A max-heap of the best `wanted` so far: the worst of them sits on top and is replaced by better ones.
            var worstFirst = Comparer<int>.Create((a, b) => sort.Compare(index, b, a));
            var heap = new PriorityQueue<int, int>(wanted, worstFirst);
            foreach (var doc in matches)
            {
                if (heap.Count < wanted)
                {
                    heap.Enqueue(doc, doc);
                }
                else if (sort.Compare(index, doc, heap.Peek()) < 0)
                {
                    heap.DequeueEnqueue(doc, doc);
                }
            }

            top = new int[heap.Count];
            for (var i = top.Length - 1; i >= 0; i--)
            {
                top[i] = heap.Dequeue();
            }
        }

        var page = new int[Math.Max(0, Math.Min(rows, wanted - start))];
        for (var i = 0; i < page.Length; i++)
        {
            page[i] = index.OrdinalOf(top[start + i]);
        }

        return page;
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
