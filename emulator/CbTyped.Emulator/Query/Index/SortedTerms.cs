namespace CbTyped.Emulator.Query.Index;

/// <summary>A field's terms sorted ordinally, with their ids: prefix ranges and string ranks come from here.</summary>
internal sealed class SortedTerms(string[] terms, int[] ids)
{
    public string[] Terms { get; } = terms;

    public int[] Ids { get; } = ids;

    /// <summary>The index range [from, to) of terms starting with <paramref name="prefix"/>.</summary>
    public (int From, int To) PrefixRange(string prefix)
    {
        if (prefix.Length == 0)
        {
            return (0, Terms.Length);
        }

        var from = LowerBound(prefix);
        var to = from;
        while (to < Terms.Length && Terms[to].StartsWith(prefix, StringComparison.Ordinal))
        {
            to++;
        }

        return (from, to);
    }

    /// <summary>The first index whose term is ≥ <paramref name="value"/>.</summary>
    public int LowerBound(string value)
    {
        int lo = 0, hi = Terms.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Terms[mid], value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
