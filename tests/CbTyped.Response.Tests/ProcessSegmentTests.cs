using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// A long-running process has several segments, each with its own events: listed (6.x endpoint, or the search rows
/// before 6.0), read one segment at a time, and enumerated lazily across every segment. The emulator splits a process
/// into segments of <see cref="CbEmulatorOptions.EventsPerSegment"/> events, as a 6.x server splits a busy one.
/// </summary>
public sealed class ProcessSegmentTests
{
    private const string NetUse = "process_name:net.exe cmdline:y:";

    [Fact]
    public async Task ASplitProcessListsEverySegmentOldestFirstEndingWithTheSearchRowsSegment()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { EventsPerSegment = 2 });
        var process = await session.Client.Select<Process>().Where(NetUse).FirstAsync();

        var segments = await process.GetSegmentsAsync();

        Assert.True(segments.Count >= 3, $"expected the net.exe process split into 3 or more segments, got {segments.Count}");
        Assert.Equal(segments.Order(), segments);
        Assert.Equal(process.SegmentId, segments[^1]);
        await session.WaitForRequestAsync(e => e.Method == "GET" && e.PathAndQuery == $"/api/v1/process/{process.Id}/segment");
    }

    [Fact]
    public async Task TheSegmentsTogetherHoldExactlyTheWholeProcesssEvents()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { EventsPerSegment = 2 });
        var process = await session.Client.Select<Process>().Where(NetUse).FirstAsync();
        var whole = (await process.GetSegmentEventsAsync(0)).All.Select(Describe).Order().ToList();

        var perSegment = new List<List<string>>();
        foreach (var segment in await process.GetSegmentsAsync())
        {
            perSegment.Add([.. (await process.GetSegmentEventsAsync(segment)).All.Select(Describe)]);
        }

        Assert.True(whole.Count > 2 * 2, "the process needs more events than two segments hold");
        Assert.All(perSegment, events => Assert.NotEmpty(events));
        Assert.Equal(whole, perSegment.SelectMany(e => e).Order().ToList());
        // Oldest segment first: every event of a segment is no later than any event of the next.
        for (int i = 1; i < perSegment.Count; i++)
        {
            Assert.True(string.CompareOrdinal(perSegment[i - 1].Max(), perSegment[i].Min()) <= 0);
        }
    }

    [Fact]
    public async Task ReadingEverySegmentsEventsRequestsOneSegmentAtATimeAndOwnsThemToTheProcess()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { EventsPerSegment = 2 });
        var process = await session.Client.Select<Process>().Where(NetUse).FirstAsync();
        var segments = await process.GetSegmentsAsync();
        var whole = (await process.GetSegmentEventsAsync(0)).All.Select(Describe).Order().ToList();
        int eventRequestsBefore = session.Requests.Entries.Count(IsEventRequest);

        var events = new List<ProcessEvent>();
        await using (var enumerator = process.ReadAllSegmentEventsAsync().GetAsyncEnumerator())
        {
            Assert.True(await enumerator.MoveNextAsync());
            events.Add(enumerator.Current);
            // Lazy: only the first segment's events have been asked for so far.
            await session.WaitForRequestAsync(e => IsEventRequest(e) && e.PathAndQuery.Contains($"/{segments[0]}/event", StringComparison.Ordinal));
            Assert.Equal(eventRequestsBefore + 1, session.Requests.Entries.Count(IsEventRequest));
            while (await enumerator.MoveNextAsync())
            {
                events.Add(enumerator.Current);
            }
        }

        Assert.Equal(whole, events.Select(Describe).Order().ToList());
        Assert.All(events, e => Assert.Same(process, e.Process));
        await session.WaitForRequestAsync(e => IsEventRequest(e) && e.PathAndQuery.Contains($"/{segments[^1]}/event", StringComparison.Ordinal));
        Assert.Equal(eventRequestsBefore + segments.Count, session.Requests.Entries.Count(IsEventRequest));
    }

    [Fact]
    public async Task AProcessOfOneSegmentListsTheSegmentItsRowCarries()
    {
        await using var session = await EmulatorSession.StartAsync();
        var process = await session.Client.Select<Process>().Where(NetUse).FirstAsync();

        var segment = Assert.Single(await process.GetSegmentsAsync());

        Assert.Equal(process.SegmentId, segment);
        var events = await process.ReadAllSegmentEventsAsync().ToListAsync();
        Assert.Equal((await process.GetEventsAsync()).All.Select(Describe).Order(), events.Select(Describe).Order());
    }

    [Fact]
    public async Task BeforeSixTheSegmentsAreTheSearchRowsOfTheGuid()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = "5.2.0.161004.1206", EventsPerSegment = 2 });
        var process = await session.Client.Select<Process>().Where(NetUse).FirstAsync();

        var segments = await process.GetSegmentsAsync();

        Assert.Equal([1L], segments);
        var search = await session.WaitForRequestAsync(e => e.PathAndQuery.StartsWith("/api/v1/process?", StringComparison.Ordinal)
            && e.PathAndQuery.Contains("process_id%3A" + process.Id, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(search);
        Assert.DoesNotContain(session.Requests.Entries, e => e.PathAndQuery.EndsWith("/segment", StringComparison.Ordinal));
    }

    private static bool IsEventRequest(RequestLogEntry entry) =>
        entry.Method == "GET" && entry.PathAndQuery.EndsWith("/event", StringComparison.Ordinal);

    private static string Describe(ProcessEvent e) =>
        e.Timestamp.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + " " + e.EventType + " " + e switch
        {
            ModLoadEvent m => m.Path,
            FileModEvent f => f.Path,
            RegModEvent r => r.Path,
            NetConnEvent n => n.RemoteIp + ":" + n.RemotePort,
            ChildProcEvent c => c.ChildUniqueId,
            CrossProcEvent x => x.TargetPath,
            _ => "",
        };
}
