using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Data;

/// <summary>
/// What the server's feed tagging leaves on documents: <c>alliance_score_&lt;feed&gt;</c>, the highest score of the
/// feed's reports that match (an MD5, or for processes a network connection's domain). Only enabled feeds tag, and an
/// ignored report tags nothing, so <c>alliance_score_abusech:[1 TO *]</c> finds what a feed hit.
/// </summary>
internal static class FeedTags
{
    /// <summary>The scores per feed name for a document with these MD5s and domains.</summary>
    public static IReadOnlyDictionary<string, int> ScoresFor(EmulatorState state, string md5, IEnumerable<string> domains)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var report in state.ThreatReports)
        {
            if (report.IsIgnored || !state.Feeds.TryGetValue(report.FeedId, out var feed) || !feed.Enabled)
            {
                continue;
            }

            if (report.Md5s.Contains(md5, StringComparer.OrdinalIgnoreCase) || domains.Any(d => report.Domains.Contains(d, StringComparer.OrdinalIgnoreCase)))
            {
                var name = feed.Name.ToLowerInvariant();
                scores[name] = Math.Max(report.Score, scores.GetValueOrDefault(name));
            }
        }

        return scores;
    }

    /// <summary>A feed was enabled or disabled: the documents its reports match are indexed again.</summary>
    public static void Reindex(EmulatorState state, Feed feed)
    {
        var reports = state.ThreatReports.Where(r => r.FeedId == feed.Id).ToList();
        var md5s = reports.SelectMany(r => r.Md5s).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var domains = reports.SelectMany(r => r.Domains).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < state.Processes.Count; i++)
        {
            var process = state.Processes[i];
            if (md5s.Contains(process.Md5) || process.Events.NetConns.Any(c => domains.Contains(c.Domain)))
            {
                state.ProcessIndex.Upsert(i, new ProcessSearchDocument(state, process));
            }
        }

        for (var i = 0; i < state.Binaries.Count; i++)
        {
            if (md5s.Contains(state.Binaries[i].Md5))
            {
                state.BinaryIndex.Upsert(i, new BinarySearchDocument(state, state.Binaries[i]));
            }
        }
    }
}
