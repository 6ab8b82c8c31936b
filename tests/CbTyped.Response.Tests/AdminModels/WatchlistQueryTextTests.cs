namespace CbTyped.Response.Tests.AdminModels;

/// <summary>The watchlist query text ⇄ search_query conversions (as cbapi's Watchlist.query getter and setter).</summary>
public sealed class WatchlistQueryTextTests
{
    private const string HumanQuery = @"process_name:net.exe cmdline:\\test\blah";

    [Theory]
    // As cbapi creates it (form encoding, + for spaces) and as the server later reads it back (%20, sort dropped).
    [InlineData("facet=false&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&cb.urlver=1&sort=last_update+desc")]
    [InlineData("facet=false&q=process_name%3Anet.exe%20cmdline%3A%5C%5Ctest%5Cblah&cb.urlver=1")]
    public void DecodesBothSpaceEncodings(string searchQuery) =>
        Assert.Equal(HumanQuery, WatchlistQueryText.FromSearchQuery(searchQuery));

    [Fact]
    public void AppendsCbQClausesAsFieldValueTerms() =>
        Assert.Equal(@"-path:c:\windows\* filemod:c:\windows\system32\*",
            WatchlistQueryText.FromSearchQuery("cb.urlver=1&q=-path%3Ac%3A%5Cwindows%5C%2A&cb.q.filemod=c%3A%5Cwindows%5Csystem32%5C%2A"));

    [Fact]
    public void NewWatchlistSearchQueryIsWhatCbapiPosts() =>
        Assert.Equal("facet=false&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&cb.urlver=1&sort=last_update+desc",
            WatchlistQueryText.ForNewWatchlist(HumanQuery, "last_update desc"));

    [Fact]
    public void SettingTheQueryKeepsOtherParametersAndQuotesLikeCbapi()
    {
        var updated = WatchlistQueryText.ToSearchQuery("facet=false&q=old&cb.q.filemod=x&cb.fq.status=Unresolved", "process_name:a b/c");
        Assert.Equal("cb.urlver=1&facet=false&cb.fq.status=Unresolved&q=process_name%3Aa%20b/c", updated);
        Assert.Equal("process_name:a b/c", WatchlistQueryText.FromSearchQuery(updated));
    }

    [Fact]
    public void NewQueryOnEmptySearchQueryGetsUrlver() =>
        Assert.Equal("cb.urlver=1&q=is_executable_image%3Afalse", WatchlistQueryText.ToSearchQuery(null, "is_executable_image:false"));

    [Fact]
    public void FiltersComeFromCbFq() =>
        Assert.Equal(new Dictionary<string, string> { ["status"] = "Unresolved", ["hostname"] = "a b" },
            WatchlistQueryText.Filters("cb.urlver=1&q=x&cb.fq.status=Unresolved&cb.fq.hostname=a+b"));

    [Fact]
    public void NullSearchQueryIsNullQuery() => Assert.Null(WatchlistQueryText.FromSearchQuery(null));
}
