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
