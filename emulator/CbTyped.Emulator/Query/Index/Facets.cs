using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>Facet counts over the matches: the top 200 values per field, count descending then name.</summary>
internal static class Facets
{
    private const int MaxBuckets = 200;

    public static IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Count(
        CbSearchIndex index, DocSet matches, IReadOnlyList<string> names)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetBucket>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (facets.ContainsKey(name))
            {
                continue;
            }

            // A declared facet (path_full, hour_of_day …) first; otherwise a keyword field's own (lower-cased) terms.
            var field = index.FindFacet(name)?.Values
                ?? (index.FindField(name) is { Type: CbFieldType.Keyword or CbFieldType.Bool } plain ? plain : null);
            facets[name] = field is null ? [] : CountTerms(field, matches);
        }

        return facets;
    }

    private static List<FacetBucket> CountTerms(FieldIndex field, DocSet matches)
    {
        var buckets = new List<FacetBucket>();
        for (var term = 0; term < field.Terms.Count; term++)
        {
            var count = matches.CountIn(field.Terms.Postings(term));
            if (count > 0)
            {
                buckets.Add(new FacetBucket(field.Terms[term], count));
            }
        }

        buckets.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Name, b.Name));
        return buckets.Count > MaxBuckets ? buckets.GetRange(0, MaxBuckets) : buckets;
    }
}
