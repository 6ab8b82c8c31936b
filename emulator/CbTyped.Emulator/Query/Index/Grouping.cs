using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

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
