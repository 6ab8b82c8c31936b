using System.Globalization;
using Xunit;
using static CbTyped.Analyzers.Tests.AnalyzerHarness;

namespace CbTyped.Analyzers.Tests;

/// <summary>
/// The query text a watchlist is created with (<c>Watchlist.CreateForProcessesAsync</c> /
/// <c>CreateForBinariesAsync</c>) is a process or binary query, checked as that model's <c>Where</c> text is.
/// </summary>
public sealed class WatchlistQueryTests
{
    [Fact]
    public async Task A_process_watchlists_query_is_checked_against_Process()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod(
            "_ = Watchlist.CreateForProcessesAsync(cb, \"[WARN] mounts\", \"proces_name:net.exe cmdline:\\\\\\\\test\");")));

        Assert.Equal("CBT0101", diagnostic.Id);
        Assert.Equal("proces_name", Marked(diagnostic));
        Assert.Equal("process_name", diagnostic.Properties["Suggestion"]);
    }

    [Fact]
    public async Task A_binary_watchlists_query_is_checked_against_Binary()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod(
            "_ = Watchlist.CreateForBinariesAsync(cb, \"unsigned\", queryText: \"digsig_reslt:Unsigned\");")));

        Assert.Equal("CBT0101", diagnostic.Id);
        Assert.Equal("digsig_reslt", Marked(diagnostic));
        Assert.Contains("not a search field of Binary (did you mean 'digsig_result'?)", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_watchlist_queries_and_the_name_report_nothing()
    {
        Assert.Empty(await AnalyzeAsync(InMethod(
            "_ = Watchlist.CreateForProcessesAsync(cb, \"proces_name: is only a name\", \"process_name:net.exe\");\n"
            + "_ = Watchlist.CreateForBinariesAsync(cb, \"b\", $\"md5:{name}\");")));
    }
}
