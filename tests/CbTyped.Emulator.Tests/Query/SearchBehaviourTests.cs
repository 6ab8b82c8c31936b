using CbTyped.Emulator.Query;
using CbTyped.Emulator.Search;
using Xunit;

namespace CbTyped.Emulator.Tests.Query;

/// <summary>Sorting, paging, cb.group, facets, cb.q / cb.fq, the terms echo and upserts.</summary>
public sealed class SearchBehaviourTests
{
    private static readonly ISearchIndex Processes = QueryFixture.Processes;

    [Fact]
    public void DefaultSortIsLastUpdateDescending() =>
        Assert.Equal([3, 5, 4, 7, 0, 1, 2, 6], Processes.Search(QueryFixture.Request("")).Page);

    [Fact]
    public void SortsAscendingByDate() =>
        Assert.Equal([2, 6, 1, 0, 7, 4, 5, 3], Processes.Search(QueryFixture.Request("", sort: "start asc")).Page);

    [Fact]
    public void SortsByKeywordAndBreaksTiesByOrdinal() =>
        Assert.Equal([3, 1, 7, 0, 2, 6, 4, 5],
            Processes.Search(QueryFixture.Request("", sort: "process_name asc")).Page);

    [Fact]
    public void SortsByCountDescendingWithSecondaryKey() =>
        Assert.Equal([3, 5, 4, 2, 7, 1, 0, 6],
            Processes.Search(QueryFixture.Request("", sort: "childproc_count desc, last_update desc")).Page);

    [Fact]
    public void SortsByPathUsingTheWholePath() =>
        Assert.Equal([2, 3, 7, 1, 0, 4, 5, 6], Processes.Search(QueryFixture.Request("", sort: "path asc")).Page);

    [Fact]
    public void DocumentsWithoutTheSortFieldComeLastInBothDirections()
    {
        Assert.Equal(7, Processes.Search(QueryFixture.Request("", sort: "alliance_score_srstrust desc")).Page[0]);
        Assert.Equal(7, Processes.Search(QueryFixture.Request("", sort: "alliance_score_srstrust asc")).Page[0]);
    }

    [Fact]
    public void PagesPartitionTheSortedResults()
    {
        var all = Processes.Search(QueryFixture.Request("", rows: 100)).Page;
        var pages = new List<int>();
        for (var start = 0; start < 8; start += 3)
        {
            var page = Processes.Search(QueryFixture.Request("", start: start, rows: 3));
            Assert.Equal(8, page.TotalResults);
            pages.AddRange(page.Page);
        }

        Assert.Equal(all, pages);
    }

    [Fact]
    public void RowsZeroCountsOnly()
    {
        var result = Processes.Search(QueryFixture.Request("hostname:srv-01", rows: 0));
        Assert.Equal(3, result.TotalResults);
        Assert.Empty(result.Page);
    }

    [Fact]
    public void StartBeyondTheEndGivesAnEmptyPageAndTheTotal()
    {
        var result = Processes.Search(QueryFixture.Request("", start: 50, rows: 10));
        Assert.Equal(8, result.TotalResults);
        Assert.Empty(result.Page);
    }

    [Fact]
    public void GroupByProcessIdKeepsTheFirstSegmentInSortOrder()
    {
        var result = Processes.Search(QueryFixture.Request("process_name:svchost.exe", group: true));
        Assert.Equal(1, result.TotalResults);
        Assert.Equal([5], result.Page);

        var ascending = Processes.Search(QueryFixture.Request("", sort: "last_update asc", group: true));
        Assert.Equal(7, ascending.TotalResults);
        Assert.Contains(4, ascending.Page);
        Assert.DoesNotContain(5, ascending.Page);
    }

    [Fact]
    public void FacetsCountTheMatchesCountDescendingThenName()
    {
        var result = Processes.Search(QueryFixture.Request("", facets: ["process_name", "host_type"]));
        Assert.Equal(
            [("svchost.exe", 2), ("POWERPNT.EXE", 1), ("chrome.exe", 1), ("cmd.exe", 1), ("csc.exe", 1), ("net.exe", 1), ("python3", 1)],
            result.Facets["process_name"].Select(b => (b.Name, b.Count)));
        Assert.Equal([("server", 4), ("workstation", 4)], result.Facets["host_type"].Select(b => (b.Name, b.Count)));
    }

    [Fact]
    public void FacetsFollowTheQuery()
    {
        var result = Processes.Search(QueryFixture.Request("hostname:WIN-IA9NQ1GN8OI", facets: ["process_name", "path_full"]));
        Assert.Equal(["cmd.exe", "csc.exe", "net.exe"], result.Facets["process_name"].Select(b => b.Name));
        Assert.Equal(@"c:\windows\microsoft.net\framework\v4.0.30319\csc.exe", result.Facets["path_full"][0].Name);
    }

    [Fact]
    public void DateFacetsBucketByHourDayOfWeekAndDay()
    {
        var result = Processes.Search(QueryFixture.Request("start:2016-06-04", facets: ["hour_of_day", "day_of_week", "start"]));
        Assert.Equal([("8", 2)], result.Facets["hour_of_day"].Select(b => (b.Name, b.Count)));
        Assert.Equal([("6", 2)], result.Facets["day_of_week"].Select(b => (b.Name, b.Count))); // a Saturday
        Assert.Equal([("2016-06-04T00:00:00Z", 2)], result.Facets["start"].Select(b => (b.Name, b.Count)));
    }

    [Fact]
    public void BinaryFacetsUseTheirFacetNames()
    {
        var result = QueryFixture.Binaries.Search(QueryFixture.Request("", facets: ["observed_filename_facet", "digsig_result", "company_name_facet"]));
        Assert.Equal(4, result.Facets["observed_filename_facet"].Count);
        Assert.Equal(["Invalid Chain", "Signed", "Unsigned"], result.Facets["digsig_result"].Select(b => b.Name));
        Assert.Equal(["Contoso Ltd", "Microsoft Corporation"], result.Facets["company_name_facet"].Select(b => b.Name));
    }

    [Fact]
    public void UnknownFacetIsEmpty() =>
        Assert.Empty(Processes.Search(QueryFixture.Request("", facets: ["nope"])).Facets["nope"]);

    [Fact]
    public void CbQClausesAreAndedAndParsed()
    {
        var result = Processes.Search(QueryFixture.Request("hostname:srv-01", clauses: [("filemod", @"c:\windows\system32\*")]));
        Assert.Equal([3], result.Page);
    }

    [Fact]
    public void CbFqFiltersAreExact()
    {
        var alerts = QueryFixture.Alerts;
        Assert.Equal([2], alerts.Search(QueryFixture.Request("", filters: [("status", "In Progress")])).Page);
        Assert.Equal([0], alerts.Search(QueryFixture.Request("", filters: [("unique_id", "a743ee18-ce1d-4fb3-adc5-f05a77c8996c")])).Page);
        Assert.Empty(alerts.Search(QueryFixture.Request("", filters: [("status", "In*")])).Page);
    }

    [Fact]
    public void TermsEchoEachClauseAsWritten()
    {
        var result = Processes.Search(QueryFixture.Request(
            @"process_name:net.exe cmdline:\\test\blah OR -process_name:(a b)", clauses: [("hostname", "x")], filters: [("group", "g")]));
        Assert.Equal(
            ["process_name:net.exe", @"cmdline:\\test\blah", "process_name:a", "process_name:b", "hostname:x", "group:g"],
            result.Terms);
    }

    [Fact]
    public void AlertSortsBySeverity() =>
        Assert.Equal([1, 0, 2], QueryFixture.Alerts.Search(QueryFixture.Request("", sort: "alert_severity desc")).Page);

    [Fact]
    public void UpsertReplacesADocumentUnderTheSameOrdinalAndAppends()
    {
        var engine = new CbSearchEngine(new FixedTime(QueryFixture.Now));
        var index = engine.Build(SearchIndexKind.Alert,
        [
            new TestDocument(("unique_id", "a"), ("status", "Unresolved"), ("created_time", QueryFixture.Now)),
            new TestDocument(("unique_id", "b"), ("status", "Unresolved"), ("created_time", QueryFixture.Now.AddDays(-1))),
        ]);
        Assert.Equal([0, 1], index.Search(QueryFixture.Request("status:unresolved")).Page);

        index.Upsert(0, new TestDocument(("unique_id", "a"), ("status", "Resolved"), ("created_time", QueryFixture.Now)));
        index.Upsert(2, new TestDocument(("unique_id", "c"), ("status", "Unresolved"), ("created_time", QueryFixture.Now.AddDays(-2))));

        Assert.Equal([1, 2], index.Search(QueryFixture.Request("status:unresolved")).Page);
        Assert.Equal([0], index.Search(QueryFixture.Request("status:resolved")).Page);
        Assert.Equal([0, 1, 2], index.Search(QueryFixture.Request("")).Page);
        Assert.Equal(3, index.Search(QueryFixture.Request("unique_id:*")).TotalResults);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Upsert(9, new TestDocument()));
    }

    [Fact]
    public void ConcurrentSearchesAgree()
    {
        var expected = Processes.Search(QueryFixture.Request("cmdline:.exe", sort: "path asc")).Page;
        Parallel.For(0, 64, _ =>
            Assert.Equal(expected, Processes.Search(QueryFixture.Request("cmdline:.exe", sort: "path asc")).Page));
    }
}
