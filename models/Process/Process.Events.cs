using System.Text.Json;

namespace CbTyped.Response;

public partial class Process
{
    private ProcessEvents? _events;
    private string? _eventsKey;

    /// <summary>
    /// Every event of this segment, decoded: the spec's <c>segment_events</c> operation for this instance's segment
    /// (<c>GET /api/v{1..4}/process/{guid}/{segment}/event</c>, the API version chosen by the server's version: &lt;5.1
    /// v1, 5.1 v2, 5.2–5.x v3, 6.0+ v4). Fetched once per segment and kept on the instance.
    /// </summary>
    public async Task<ProcessEvents> GetEventsAsync(CancellationToken cancellationToken = default)
    {
        string key = GetKeyString() ?? string.Empty;
        if (_events is { } cached && _eventsKey == key)
        {
            return cached;
        }

        long segment = SegmentId ?? throw new InvalidOperationException("This Process has no segment_id; its events cannot be read (use GetSegmentsAsync).");
        var events = await GetSegmentEventsAsync(segment, cancellationToken).ConfigureAwait(false);
        _events = events;
        _eventsKey = key;
        return events;
    }

    /// <summary>The modules this segment loaded.</summary>
    public async Task<IReadOnlyList<ModLoadEvent>> GetModLoadsAsync(CancellationToken cancellationToken = default) =>
        (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).ModLoads;

    /// <summary>The modules this segment loaded that the event document says are not signed.</summary>
    public async Task<IReadOnlyList<ModLoadEvent>> GetUnsignedModLoadsAsync(CancellationToken cancellationToken = default) =>
        [.. (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).ModLoads.Where(m => m.IsSigned == false)];

    /// <summary>The file modifications of this segment.</summary>
    public async Task<IReadOnlyList<FileModEvent>> GetFileModsAsync(CancellationToken cancellationToken = default) =>
        (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).FileMods;

    /// <summary>The registry modifications of this segment.</summary>
    public async Task<IReadOnlyList<RegModEvent>> GetRegModsAsync(CancellationToken cancellationToken = default) =>
        (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).RegMods;

    /// <summary>The network connections of this segment.</summary>
    public async Task<IReadOnlyList<NetConnEvent>> GetNetConnsAsync(CancellationToken cancellationToken = default) =>
        (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).NetConns;

    /// <summary>The child process starts and ends of this segment.</summary>
    public async Task<IReadOnlyList<ChildProcEvent>> GetChildProcsAsync(CancellationToken cancellationToken = default) =>
        (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).ChildProcs;

    /// <summary>The cross-process events of this segment.</summary>
    public async Task<IReadOnlyList<CrossProcEvent>> GetCrossProcsAsync(CancellationToken cancellationToken = default) =>
        (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).CrossProcs;

    /// <summary>The blocked-process events of this segment.</summary>
    public async Task<IReadOnlyList<ProcessBlockEvent>> GetProcessBlocksAsync(CancellationToken cancellationToken = default) =>
        (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).ProcessBlocks;

    /// <summary>Every event of this segment sorted by time (cbapi's <c>all_events_segment</c>).</summary>
    public async Task<IReadOnlyList<ProcessEvent>> GetAllEventsAsync(CancellationToken cancellationToken = default) =>
        (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).All;

    /// <summary>Decodes an event document this code did not fetch (e.g. a saved export).</summary>
    public ProcessEvents DecodeEvents(JsonElement eventDocument) => ProcessEventDecoder.Decode(this, eventDocument);
}
