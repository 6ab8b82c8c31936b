using System.Globalization;
using System.Text;
using System.Text.Json;
using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests.Paging;

/// <summary>
/// Pages in flight against a loopback server whose result set changes between requests, fails on one page, or sends
/// fewer rows than asked: the test decides exactly which request sees what, which the emulator's shared data cannot.
/// </summary>
public sealed class ChangingResultSetTests
{
    private const string SearchPath = "/api/v1/process";

    private static CbRowQuery Processes(int pageSize = 100) =>
        new() { Kind = CbRowQueryKind.Search, ModelName = "Process", Path = SearchPath, PageSize = pageSize };

    private static async Task<List<string>> ReadNames(CbRowQuery query, CbResponseClient client, List<string>? into = null)
    {
        var names = into ?? [];
        await foreach (var row in query.RowsAsync(client))
        {
            using var doc = JsonDocument.Parse(row);
            names.Add(doc.RootElement.GetProperty("process_name").GetString()!);
        }
        return names;
    }

    private static IEnumerable<string> Names(int from, int count) => Enumerable.Range(from, count).Select(i => $"p{i}.exe");

    /// <summary>
    /// Rows 0 … total−1 of <see cref="SearchRoutes.ProcessRow"/>, where the total is <paramref name="totalForRequest"/>
    /// of the request's number (1 = the first search request); at most <paramref name="maxRows"/> rows per page.
    /// </summary>
    private static void ChangingSearch(LoopbackServer server, Func<int, long> totalForRequest, int maxRows = int.MaxValue, Func<long, bool>? fails = null, string failure = "page refused")
    {
        var requests = 0;
        server.Route("GET", SearchPath, async ctx =>
        {
            var total = totalForRequest(Interlocked.Increment(ref requests));
            var start = long.Parse(ctx.Request.Query["start"].ToString(), CultureInfo.InvariantCulture);
            var rows = Math.Min(maxRows, long.Parse(ctx.Request.Query["rows"].ToString(), CultureInfo.InvariantCulture));
            if (fails?.Invoke(start) == true)
            {
                ctx.Response.StatusCode = 400;
                await ctx.Response.WriteAsync($$"""{"reason":"query_malformed_syntax","message":"{{failure}}"}""");
                return;
            }

            var body = new StringBuilder("{\"results\":[");
            for (var i = start; i < Math.Min(total, start + rows); i++)
                body.Append(i > start ? "," : "").Append(SearchRoutes.ProcessRow(i));
            body.Append("],\"total_results\":").Append(total).Append(",\"start\":").Append(start).Append('}');
            await ctx.Response.WriteAsync(body.ToString());
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task Rows_added_after_the_first_page_are_read_to_the_new_end(int pagesInFlight)
    {
        await using var server = await LoopbackServer.StartAsync();
        ChangingSearch(server, request => request == 1 ? 250 : 420);
        using var client = TestClients.For(server, o => o.PagesInFlight = pagesInFlight);

        var names = await ReadNames(Processes(), client);

        Assert.Equal(Names(0, 420), names);
        Assert.Equal(5, server.CountRequests("GET", SearchPath));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task Rows_removed_after_the_first_page_end_the_search_at_the_new_total(int pagesInFlight)
    {
        await using var server = await LoopbackServer.StartAsync();
        ChangingSearch(server, request => request == 1 ? 1000 : 150);
        using var client = TestClients.For(server, o => o.PagesInFlight = pagesInFlight);

        var names = await ReadNames(Processes(), client);

        // Rows 150 … 999 are gone: the caller gets what the server still holds, nothing repeated, and the search ends.
        Assert.Equal(Names(0, 150), names);
        Assert.InRange(server.CountRequests("GET", SearchPath), 2, 1 + pagesInFlight);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_total_that_shrinks_to_a_page_boundary_ends_at_the_empty_page(int pagesInFlight)
    {
        await using var server = await LoopbackServer.StartAsync();
        ChangingSearch(server, request => request == 1 ? 1000 : 200);
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server, o => { o.PagesInFlight = pagesInFlight; o.LoggerFactory = logs; });

        Assert.Equal(Names(0, 200), await ReadNames(Processes(), client));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("overestimated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task A_total_that_keeps_growing_is_followed_without_repeats(int pagesInFlight)
    {
        await using var server = await LoopbackServer.StartAsync();
        ChangingSearch(server, request => Math.Min(2000, 100L * request + 50)); // 50 more rows per request than 100 per page
        using var client = TestClients.For(server, o => o.PagesInFlight = pagesInFlight);

        var names = await ReadNames(Processes(), client);

        // It ends once the server stops growing: every row once, in order.
        Assert.Equal(Names(0, 2000), names);
        Assert.Equal(20, server.CountRequests("GET", SearchPath));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_server_that_sends_fewer_rows_than_asked_is_paged_without_gaps(int pagesInFlight)
    {
        await using var server = await LoopbackServer.StartAsync();
        ChangingSearch(server, _ => 1000, maxRows: 30);
        using var client = TestClients.For(server, o => o.PagesInFlight = pagesInFlight);

        Assert.Equal(Names(0, 1000), await ReadNames(Processes(), client));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task An_overstated_total_stops_at_the_first_empty_page_with_pages_in_flight(int pagesInFlight)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search(SearchPath, 400, claimedTotal: 1000);
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server, o => { o.PagesInFlight = pagesInFlight; o.LoggerFactory = logs; });

        Assert.Equal(Names(0, 400), await ReadNames(Processes(), client));
        Assert.InRange(server.CountRequests("GET", SearchPath), 5, 5 + pagesInFlight);
        Assert.Contains(logs.Lines, l => l.Message == "server reported total_results overestimated the number of results for this query by 600");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task A_failed_page_throws_after_the_rows_before_it(int pagesInFlight)
    {
        await using var server = await LoopbackServer.StartAsync();
        ChangingSearch(server, _ => 1000, fails: start => start == 300);
        using var client = TestClients.For(server, o => o.PagesInFlight = pagesInFlight);
        var names = new List<string>();

        var e = await Assert.ThrowsAsync<CbQuerySyntaxException>(() => ReadNames(Processes(), client, names));

        Assert.Equal(Names(0, 300), names);
        Assert.Contains("start=300", e.Message, StringComparison.Ordinal);
        Assert.InRange(server.CountRequests("GET", SearchPath), 4, 4 + pagesInFlight);
    }

    [Fact]
    public async Task Failed_pages_dropped_after_the_first_failure_leave_no_unobserved_exception()
    {
        var unobserved = new List<Exception>();
        void Record(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            lock (unobserved)
                unobserved.AddRange(e.Exception.InnerExceptions.Where(x => x.ToString().Contains("unobserved-check", StringComparison.Ordinal)));
        }
        TaskScheduler.UnobservedTaskException += Record;
        try
        {
            await using (var server = await LoopbackServer.StartAsync())
            {
                // Every page from 300 on fails: the first failure is thrown, up to seven more fail in flight and are dropped.
                ChangingSearch(server, _ => 1000, fails: start => start >= 300, failure: "unobserved-check");
                using var client = TestClients.For(server, o => o.PagesInFlight = 8);
                await Assert.ThrowsAsync<CbQuerySyntaxException>(() => ReadNames(Processes(), client));
                Assert.True(server.CountRequests("GET", SearchPath) > 4, "pages after the failed one were in flight");
            }

            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Record;
        }
    }
}
