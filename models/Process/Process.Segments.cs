using System.Runtime.CompilerServices;
using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Process
{
    /// <summary>
    /// The ids of this process's segments, oldest first (cbapi's <c>get_segments</c>). From 6.0 the server lists them
    /// (<c>GET /api/v1/process/{guid}/segment</c>); before, they are the <c>segment_id</c>s of the search rows with
    /// this process's GUID (<c>process_id:{guid}</c>, every row read).
    /// </summary>
    /// <exception cref="InvalidOperationException">This process has no GUID or is not attached to a client.</exception>
    public async Task<IReadOnlyList<long>> GetSegmentsAsync(CancellationToken cancellationToken = default)
    {
        string guid = Id ?? throw new InvalidOperationException("This Process has no id (GUID); its segments cannot be listed.");
        var info = await CbOperations.SessionOf(this, "Process.GetSegmentsAsync").GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var segments = new SortedSet<long>();
        if (info.HasSegmentEndpoint)
        {
            var list = await ListSegmentsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var segment in list.Process?.Segments ?? [])
            {
                // cbapi reads only unique_id (the segment in hex after the GUID); segment_id is used when sent.
                long? id = segment.SegmentId;
                if (id is null && ProcessGuid.TrySplitUniqueId(segment.UniqueId, out _, out long? fromUniqueId))
                {
                    id = fromUniqueId;
                }

                if (id is long value)
                {
                    segments.Add(value);
                }
            }
        }
        else
        {
            await foreach (var row in RequireClient().Select<Process>().Where(Fields.Id.Is(guid)).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (row.SegmentId is long id)
                {
                    segments.Add(id);
                }
            }
        }

        return [.. segments];
    }

    /// <summary>
    /// The events of one segment of this process, decoded (<c>GET /api/v{1..4}/process/{guid}/{segment}/event</c>, the
    /// API version chosen by the server's version, as for <see cref="GetEventsAsync"/>). The events belong to this
    /// instance (<see cref="ProcessEvent"/>'s process is this one); nothing is kept, so reading every segment of a
    /// long-running process holds one segment at a time. On 6.x, segment 0 is every segment in one document.
    /// </summary>
    public async Task<ProcessEvents> GetSegmentEventsAsync(long segment, CancellationToken cancellationToken = default)
    {
        await using var body = await OpenSegmentEventDocumentAsync(segment, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return new ProcessEvents([], [], [], [], [], [], []); // an empty answer: a segment without events
        }

        using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        return ProcessEventDecoder.Decode(this, document.RootElement);
    }

    /// <summary>
    /// Every event of every segment of this process (cbapi's <c>all_events</c>): segment by segment, oldest first, each
    /// segment's events in time order. Lazy: a segment is requested when the previous one has been read, and only
    /// one is held at a time, so a long-running process's whole timeline is read in constant memory.
    /// </summary>
    public async IAsyncEnumerable<ProcessEvent> ReadAllSegmentEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (long segment in await GetSegmentsAsync(cancellationToken).ConfigureAwait(false))
        {
            var events = await GetSegmentEventsAsync(segment, cancellationToken).ConfigureAwait(false);
            foreach (var item in events.All)
            {
                yield return item;
            }
        }
    }
}
