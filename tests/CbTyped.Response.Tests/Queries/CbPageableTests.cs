using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Queries;

/// <summary>
/// <c>AsPageable()</c>, the synchronous form of a query (Azure.Core's <c>Pageable&lt;T&gt;</c>), against the emulator:
/// the same rows as <c>await foreach</c>, pages and tokens interchangeable with <c>AsPages</c>, lazy paging that stops
/// when the <c>foreach</c> does.
/// </summary>
public sealed class CbPageableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ForeachReadsTheSameRowsInTheSameOrderAsAwaitForeach(int pagesInFlight)
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 30 });
        var query = session.Client.Select<Process>().Sort("start asc").PageSize(7).PagesInFlight(pagesInFlight);
        var expected = (await query.ToListAsync()).Select(p => p.Id).ToList();
        Assert.True(expected.Count > 14, $"the data set has {expected.Count} processes");

        var read = new List<string?>();
        foreach (var process in query.AsPageable())
            read.Add(process.Id);

        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task SyncPagesResumeFromAnAsyncTokenAndAsyncPagesFromASyncToken()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 30 });
        var query = session.Client.Select<Process>().Sort("start asc");
        var all = (await query.ToListAsync()).Select(p => p.Id).ToList();

        string? asyncToken = null;
        await foreach (var page in query.AsPages(5))
        {
            asyncToken = page.ContinuationToken;
            break;
        }
        string? syncToken = null;
        var syncRows = new List<string?>();
        foreach (var page in query.AsPageable().AsPages(5, asyncToken))
        {
            Assert.Equal(5L, page.Start);
            syncRows.AddRange(page.Values.Select(p => p.Id));
            syncToken = page.ContinuationToken;
            break;
        }
        Assert.Equal(all.Skip(5).Take(5), syncRows);

        var rest = new List<string?>();
        await foreach (var page in query.AsPages(5, syncToken))
            rest.AddRange(page.Values.Select(p => p.Id));
        Assert.Equal(all.Skip(10), rest);
    }

    [Fact]
    public async Task LeavingTheForeachStopsThePaging()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 40 });
        var query = session.Client.Select<Process>().Sort("start asc").PageSize(5).PagesInFlight(1);
        var total = await query.CountAsync();

        var read = 0;
        foreach (var process in query.AsPageable())
        {
            if (++read == 6)
                break;
        }
        var stopped = DateTimeOffset.UtcNow;
        // Six rows are the first two pages; nothing is asked after the loop ended.
        await Task.Delay(300);
        var pageRequests = session.Emulator.RequestLog.Entries.Where(e => e.Path == "/api/v1/process" && e.PathAndQuery.Contains("rows=5", StringComparison.Ordinal)).ToList();
        Assert.True(total > 10, $"{total} processes");
        Assert.DoesNotContain(pageRequests, e => e.Time - e.Elapsed > stopped);
        Assert.InRange(pageRequests.Count, 2, 3);
    }

    [Fact]
    public async Task ABadTokenIsRefusedWhenAsPagesIsCalledBeforeAnyRequest()
    {
        await using var session = await EmulatorSession.StartAsync();
        var before = DateTimeOffset.UtcNow;
        var pageable = session.Client.Select<Process>().AsPageable();

        var error = Assert.Throws<ArgumentException>(() => pageable.AsPages(10, "not-a-token"));

        Assert.Equal("continuationToken", error.ParamName);
        Assert.DoesNotContain(session.Emulator.RequestLog.Entries, e => e.Time - e.Elapsed > before && e.Path == "/api/v1/process");
    }

    [Fact]
    public async Task ACancelledTokenEndsTheEnumerationWithOperationCanceled()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 20 });
        using var cancellation = new CancellationTokenSource();
        var pageable = session.Client.Select<Process>().PageSize(5).AsPageable(cancellation.Token);

        var read = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var process in pageable)
            {
                if (++read == 5)
                    cancellation.Cancel();
            }
        });
        Assert.Equal(5, read);
    }
}
