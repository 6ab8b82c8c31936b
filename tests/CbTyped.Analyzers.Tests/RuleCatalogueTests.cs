using Xunit;

namespace CbTyped.Analyzers.Tests;

/// <summary>Every rule has an ID in the analyzer's range, a help link to its own section of docs/query-language.md
/// (which exists), and a line in the release-tracking file.</summary>
public sealed class RuleCatalogueTests
{
    [Fact]
    public void Every_rule_is_in_range_documented_under_its_own_heading_and_linked_there()
    {
        var docs = File.ReadAllText(Path.Combine(RepositorySources.Root, "docs", "query-language.md"));
        var releases = File.ReadAllText(Path.Combine(RepositorySources.Root, "analyzer", "CbTyped.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Equal(QueryDiagnostics.All.Length, QueryDiagnostics.All.Select(d => d.Id).Distinct().Count());
        foreach (var rule in QueryDiagnostics.All)
        {
            var number = int.Parse(rule.Id[3..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(number, 100, 119);
            Assert.Equal("https://github.com/cbtyped/cbtyped/blob/main/docs/query-language.md#" + rule.Id.ToLowerInvariant(), rule.HelpLinkUri);
            Assert.Contains("\n### " + rule.Id + "\n", docs, StringComparison.Ordinal);
            Assert.Contains(rule.Id + " | CbTyped.Query | " + rule.DefaultSeverity + " |", releases, StringComparison.Ordinal);
            Assert.True(rule.IsEnabledByDefault, rule.Id);
        }
    }
}
