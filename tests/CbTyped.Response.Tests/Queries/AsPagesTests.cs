using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Queries;

/// <summary>
/// <c>AsPages(pageSize, continuationToken)</c> against the emulator: an export stopped after a page goes on from that
/// page's token — with a new client, as another process would — and reads exactly the rows it had not read.
/// </summary>
public sealed class AsPagesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task StoppingAfterPageThreeAndResumingFromItsTokenReadsExactlyTheRemainingRows(int pagesInFlight)
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 40 });
        var query = session.Client.Select<Process>().Sort("start asc").PagesInFlight(pagesInFlight);
        var all = (await query.ToListAsync()).Select(p => p.Id).ToList();
        Assert.True(all.Count > 20, $"the data set has {all.Count} processes");

        var read = new List<string?>();
        string? token = null;
        var pages = 0;
        await foreach (var page in query.AsPages(pageSize: 5))
        {
            Assert.Equal(5, page.Values.Count);
            Assert.Equal(pages * 5L, page.Start);
            Assert.Equal(all.Count, page.TotalResults);
            read.AddRange(page.Values.Select(p => p.Id));
            token = page.ContinuationToken;
            if (++pages == 3)
                break;
        }
        Assert.NotNull(token);

        using var later = EmulatorSession.CreateClient(session.Emulator);
        // Pages of the first loop still in flight are logged when they end: look only at requests started from here.
        var resumedAt = DateTimeOffset.UtcNow;
        var resumed = new List<CbPage<Process>>();
        await foreach (var page in later.Select<Process>().Sort("start asc").AsPages(5, token))
            resumed.Add(page);

        var rest = resumed.SelectMany(p => p.Values.Select(v => v.Id)).ToList();
        Assert.Equal(all.Count - 15, rest.Count);
        Assert.Equal(all, read.Concat(rest));
        Assert.Equal(rest.Count, rest.Distinct().Count());
        Assert.Null(resumed[^1].ContinuationToken);
        Assert.All(resumed.SkipLast(1), p => Assert.NotNull(p.ContinuationToken));
        // The resumed query asked for nothing before row 15.
        await session.WaitForRequestAsync(e => e.Path == "/api/v1/process" && e.PathAndQuery.EndsWith("&start=15", StringComparison.Ordinal));
        var starts = session.Emulator.RequestLog.Entries.Where(e => e.Path == "/api/v1/process" && e.Time - e.Elapsed > resumedAt)
            .Select(e => int.Parse(e.PathAndQuery.Split("&start=")[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(15, starts.Min());
    }

    [Fact]
    public async Task EveryPageButTheLastHasATokenAndTheTokensChainThroughTheWholeResult()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 10 });
        var query = session.Client.Select<Process>().Sort("start asc");
        var all = (await query.ToListAsync()).Select(p => p.Id).ToList();

        // One page per call, each resumed from the last token: the whole result, in order, each row once.
        var read = new List<string?>();
        string? token = null;
        var calls = 0;
        do
        {
            await foreach (var page in query.AsPages(7, token))
            {
                read.AddRange(page.Values.Select(p => p.Id));
                token = page.ContinuationToken;
                break;
            }
            calls++;
        }
        while (token is not null);

        Assert.Equal(all, read);
        Assert.Equal((all.Count + 6) / 7, calls);
    }

    [Fact]
    public async Task SkipAndTakeBoundTheResumedRowsToo()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 10 });
        var query = session.Client.Select<Process>().Sort("start asc").Skip(3).Take(10);
        var expected = (await query.ToListAsync()).Select(p => p.Id).ToList();

        string? token = null;
        await foreach (var page in query.AsPages(4))
        {
            Assert.Equal(4, page.Values.Count);
            Assert.Equal(3, page.Start);
            token = page.ContinuationToken;
            break;
        }
        var pages = new List<CbPage<Process>>();
        await foreach (var page in query.AsPages(4, token))
            pages.Add(page);

        Assert.Equal([4, 2], pages.Select(p => p.Values.Count));
        Assert.Equal(expected.Skip(4), pages.SelectMany(p => p.Values.Select(v => v.Id)));
    }

    [Fact]
    public async Task AListIsCutIntoPagesAndResumesByOffsetToo()
    {
        await using var session = await EmulatorSession.StartAsync();
        var all = (await session.Client.Select<Feed>().ToListAsync()).Select(f => f.Id).ToList();
        Assert.True(all.Count >= 3, $"{all.Count} feeds");

        string? token = null;
        await foreach (var page in session.Client.Select<Feed>().AsPages(1))
        {
            Assert.Equal([all[0]], page.Values.Select(f => f.Id));
            token = page.ContinuationToken;
            break;
        }
        var pages = new List<CbPage<Feed>>();
        await foreach (var page in session.Client.Select<Feed>().AsPages(1, token))
            pages.Add(page);

        Assert.Equal(all.Skip(1), pages.SelectMany(p => p.Values.Select(f => f.Id)));
        Assert.All(pages, p => Assert.Single(p.Values));
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task ATokenFromAnotherQueryOrNotATokenAtAllIsAClearArgumentException()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 40 });
        var cb = session.Client;
        string? token = null;
        await foreach (var page in cb.Select<Process>().Where("process_name:svchost.exe").AsPages(1))
        {
            token = page.ContinuationToken;
            break;
        }
        Assert.NotNull(token);
        // Pages the first loop still had in flight reach this server's log when they end, which on a busy machine
        // can be after the checks begin; the checks therefore run against a second emulator with the same seed (a
        // token names the query, not the server), where nothing else is in flight.
        await using var checkSession = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 40 });
        cb = checkSession.Client;
        var requestsBeforeChecks = checkSession.Emulator.RequestLog.Entries.Count;

        // Refused when AsPages is called, before anything is sent.
        var otherTerm = Assert.Throws<ArgumentException>(() => cb.Select<Process>().Where("process_name:cmd.exe").AsPages(1, token));
        Assert.Equal("continuationToken", otherTerm.ParamName);
        Assert.Contains("belongs to another query", otherTerm.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => cb.Select<Process>().Where("process_name:svchost.exe").Sort("start asc").AsPages(1, token));
        Assert.Throws<ArgumentException>(() => cb.Select<Process>().Where("process_name:svchost.exe").Skip(1).AsPages(1, token));
        Assert.Throws<ArgumentException>(() => cb.Select<Binary>().AsPages(1, token));
        var garbage = Assert.Throws<ArgumentException>(() => cb.Select<Process>().AsPages(1, "not-a-token"));
        Assert.Contains("not a CbTyped continuation token", garbage.Message, StringComparison.Ordinal);
        var future = Assert.Throws<ArgumentException>(() => cb.Select<Process>().Where("process_name:svchost.exe").AsPages(1, "Ag" + token[2..]));
        Assert.Contains("format version", future.Message, StringComparison.Ordinal);
        Assert.Equal(requestsBeforeChecks, checkSession.Emulator.RequestLog.Entries.Count);

        // The same query (another page size is fine) takes it.
        var resumed = 0;
        await foreach (var page in cb.Select<Process>().Where("process_name:svchost.exe").AsPages(50, token))
            resumed += page.Values.Count;
        Assert.Equal(await cb.Select<Process>().Where("process_name:svchost.exe").CountAsync() - 1, resumed);
    }
}
