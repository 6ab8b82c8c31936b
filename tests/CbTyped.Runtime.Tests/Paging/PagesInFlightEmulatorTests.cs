using System.Text;
using CbTyped.Emulator;
using CbTyped.Runtime.Tests.Infrastructure;

namespace CbTyped.Runtime.Tests.Paging;

/// <summary>
/// Pages in flight against the emulator over HTTP: the same rows in the same order for any number of pages in flight,
/// page size and remaining count; stopping or cancelling ends the requests.
/// </summary>
public sealed class PagesInFlightEmulatorTests(PagingEmulatorFixture emulators) : IClassFixture<PagingEmulatorFixture>
{
    private const string SearchPath = "/api/v1/process";

    private static CbRowQuery Processes() => new() { Kind = CbRowQueryKind.Search, ModelName = "Process", Path = SearchPath, Sort = "start asc" };

    private static CbResponseClient ClientFor(CbEmulator emulator, int pagesInFlight) =>
        TestClients.For(emulator.BaseUrl, emulator.Token, o => o.PagesInFlight = pagesInFlight);

    private static async Task<List<string>> ReadAll(CbRowQuery query, CbResponseClient client)
    {
        var rows = new List<string>();
        await foreach (var row in query.RowsAsync(client))
            rows.Add(Encoding.UTF8.GetString(row.Span));
        return rows;
    }

    // The emulator logs a request when its response ends, so an aborted page of an earlier test (the fixture's emulators
    // are shared) can be logged late: count only the requests that started after this test's marker.
    private static int SearchRequests(CbEmulator emulator, DateTimeOffset since) =>
        emulator.RequestLog.Entries.Count(e => e.Method == "GET" && e.Path == SearchPath && e.Time - e.Elapsed > since);

    public static TheoryData<int, int, string> Cases()
    {
        var data = new TheoryData<int, int, string>();
        foreach (var pagesInFlight in new[] { 1, 2, 4, 8 })
            foreach (var pageSize in new[] { 7, 50 })
                foreach (var remaining in new[] { "0", "1", "page-1", "page", "page+1", "all" })
                    data.Add(pagesInFlight, pageSize, remaining);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rows_are_the_same_and_in_order_whatever_the_pages_in_flight(int pagesInFlight, int pageSize, string remaining)
    {
        var emulator = emulators.Fast;
        using var reference = ClientFor(emulator, 1);
        var all = await ReadAll(Processes() with { PageSize = 1000 }, reference);
        Assert.True(all.Count > 300, $"the emulator holds {all.Count} processes");
        var count = remaining switch
        {
            "0" => 0,
            "1" => 1,
            "page-1" => pageSize - 1,
            "page" => pageSize,
            "page+1" => pageSize + 1,
            _ => all.Count,
        };
        using var client = ClientFor(emulator, pagesInFlight);
        await client.GetServerInfoAsync();
        var since = DateTimeOffset.UtcNow;

        // Skipping to `count` rows before the end: the result set ends where the server's total says.
        var rows = await ReadAll(Processes().Slice(all.Count - count, null) with { PageSize = pageSize }, client);

        Assert.Equal(all.Skip(all.Count - count), rows);
        // Never past the end: one request per page (a retried request on this busy machine is the same URL).
        var expected = Math.Max(1, (count + pageSize - 1) / pageSize);
        var starts = await SearchStartsAsync(emulator, since, expected);
        Assert.Equal(expected, starts.Count);
        Assert.All(starts, start => Assert.InRange(start, all.Count - count, Math.Max(all.Count - count, all.Count - 1)));
    }

    // The emulator logs a request once its response has ended, which can be just after the client has read the last
    // byte: wait (bounded) for the expected number of pages to be logged, then count them.
    private static async Task<List<long>> SearchStartsAsync(CbEmulator emulator, DateTimeOffset since, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var starts = emulator.RequestLog.Entries.Where(e => e.Path == SearchPath && e.Time - e.Elapsed > since).Select(e => StartOf(e.PathAndQuery)).Distinct().ToList();
            if (starts.Count >= expected || DateTime.UtcNow > deadline)
                return starts;
            await Task.Delay(20);
        }
    }

    private static long StartOf(string pathAndQuery) =>
        long.Parse(pathAndQuery.Split("start=", 2)[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Stopping_early_sends_no_more_than_the_pages_in_flight(int pagesInFlight)
    {
        var emulator = emulators.Slow;
        using var client = ClientFor(emulator, pagesInFlight);
        await client.GetServerInfoAsync();
        var since = DateTimeOffset.UtcNow;

        var seen = 0;
        await foreach (var _ in (Processes() with { PageSize = 1 }).RowsAsync(client))
            if (++seen == 2)
                break;

        // The enumeration is disposed: what was in flight was cancelled and awaited. Whatever the server still logs
        // afterwards is among those requests: two pages read, at most `pagesInFlight` ahead of the second.
        await Task.Delay(1000);
        var requests = SearchRequests(emulator, since);
        Assert.InRange(requests, 2, 2 + pagesInFlight);
        await Task.Delay(1000);
        Assert.Equal(requests, SearchRequests(emulator, since));
    }

    [Fact]
    public async Task Cancelling_stops_the_rows_and_the_requests()
    {
        var emulator = emulators.Slow;
        using var client = ClientFor(emulator, 4);
        await client.GetServerInfoAsync();
        var since = DateTimeOffset.UtcNow;
        using var cancel = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in (Processes() with { PageSize = 2 }).RowsAsync(client, cancel.Token))
                if (++seen == 3)
                    await cancel.CancelAsync();
        });

        Assert.Equal(3, seen); // the row after the cancellation is not handed out, though its page is in memory
        await Task.Delay(1000);
        var requests = SearchRequests(emulator, since);
        Assert.InRange(requests, 2, 2 + 4);
        await Task.Delay(1000);
        Assert.Equal(requests, SearchRequests(emulator, since));
    }
}
