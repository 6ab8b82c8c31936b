using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Endpoints;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Bus;

/// <summary>
/// The steady stream of server events the emulator publishes at the configured rate, taken from its data set in a
/// fixed cycle of kinds: watchlist hits (process and binary, search and storage forms) of the seeded watchlists,
/// feed hits for the feed reports' MD5s, alerts, and binaries observed and stored. Each kind walks its own list, so
/// the stream is the same for the same data set. Call the <c>Next</c> methods under the state's gate.
/// </summary>
internal sealed class BusEventStream
{
    private readonly List<Func<int, (string Key, JsonObject Body)?>> _kinds;
    private readonly int[] _cursors;
    private int _kind;

    public BusEventStream(EmulatorState state)
    {
        var processWatchlists = state.Watchlists.Values.Where(w => w.IndexType == "events").ToList();
        var processHits = processWatchlists
            .SelectMany(w => state.Processes.Where(p => p.WatchlistTags.ContainsKey(w.Id)).Select(p => (Watchlist: w, Process: p)))
            .ToList();
        var binaryHits = state.Watchlists.Values.Where(w => w.IndexType == "modules")
            .SelectMany(w => MatchingBinaries(state, w).Select(b => (Watchlist: w, Binary: b)))
            .ToList();
        var feedProcessHits = state.ThreatReports
            .SelectMany(r => state.Processes.Where(p => r.Md5s.Contains(p.Md5, StringComparer.OrdinalIgnoreCase)).Select(p => (Report: r, Process: p)))
            .ToList();
        var feedBinaryHits = state.ThreatReports
            .SelectMany(r => r.Md5s.Select(state.FindBinary).OfType<BinaryRecord>().Select(b => (Report: r, Binary: b)))
            .ToList();
        var alerts = state.Alerts.Where(a => a.AlertType == "watchlist.hit.query.process").ToList();
        var observed = state.Binaries.SelectMany(b => b.Endpoints.Select(e => (Binary: b, Endpoint: e))).ToList();
        var binaries = state.Binaries;

        _kinds =
        [
            i => Pick(processHits, i, h => ("watchlist.hit.process", BusEvents.WatchlistHitProcess(state, h.Watchlist, [h.Process]))),
            i => Pick(processHits, i, h => ("watchlist.storage.hit.process", BusEvents.WatchlistStorageHitProcess(state, h.Watchlist, h.Process))),
            i => Pick(binaryHits, i, h => ("watchlist.hit.binary", BusEvents.WatchlistHitBinary(state, h.Watchlist, [h.Binary]))),
            i => Pick(binaryHits, i, h => ("watchlist.storage.hit.binary", BusEvents.WatchlistStorageHitBinary(state, h.Watchlist, h.Binary))),
            i => Pick(feedProcessHits, i, h => ("feed.ingress.hit.process", BusEvents.FeedIngressHitProcess(state, h.Report, h.Process))),
            i => Pick(feedBinaryHits, i, h => ("feed.storage.hit.binary", BusEvents.FeedStorageHitBinary(state, h.Report, h.Binary))),
            i => Pick(alerts, i, a => ("alert.watchlist.hit.query.process", BusEvents.AlertProcess(state, a))),
            i => Pick(binaryHits, i, h => ("alert.watchlist.hit.query.binary", BusEvents.AlertBinary(state, h.Watchlist, h.Binary))),
            i => Pick(binaries, i, b => ("binaryinfo.observed", BusEvents.BinaryInfoObserved(state, b))),
            i => Pick(observed, i, o => ("binaryinfo.host.observed", BusEvents.BinaryInfoHostObserved(state, o.Binary, o.Endpoint))),
            i => Pick(observed, i, o => ("binaryinfo.group.observed", BusEvents.BinaryInfoGroupObserved(state, o.Binary, GroupOf(state, o.Endpoint.SensorId)))),
            i => Pick(binaries, i, b => ("binarystore.file.added", BusEvents.BinaryStoreFileAdded(state, b))),
        ];
        _cursors = new int[_kinds.Count];
    }

    /// <summary>The routing keys of the cycle, in order.</summary>
    public static IReadOnlyList<string> RoutingKeys { get; } =
    [
        "watchlist.hit.process", "watchlist.storage.hit.process", "watchlist.hit.binary", "watchlist.storage.hit.binary",
        "feed.ingress.hit.process", "feed.storage.hit.binary", "alert.watchlist.hit.query.process",
        "alert.watchlist.hit.query.binary", "binaryinfo.observed", "binaryinfo.host.observed", "binaryinfo.group.observed",
        "binarystore.file.added",
    ];

    /// <summary>The next event of the cycle; null when the data set has nothing for any kind.</summary>
    public (string Key, JsonObject Body)? Next()
    {
        for (var tried = 0; tried < _kinds.Count; tried++)
        {
            var kind = _kind;
            _kind = (_kind + 1) % _kinds.Count;
            if (_kinds[kind](_cursors[kind]++) is { } message)
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>The next event of one kind; an <see cref="ArgumentException"/> naming the kinds for another key, or
    /// when the data set has nothing of that kind.</summary>
    public (string Key, JsonObject Body) Next(string routingKey)
    {
        var kind = RoutingKeys.ToList().IndexOf(routingKey);
        if (kind < 0)
        {
            throw new ArgumentException($"The emulator does not publish '{routingKey}' from its data set; it publishes {string.Join(", ", RoutingKeys)}.", nameof(routingKey));
        }

        return _kinds[kind](_cursors[kind]++)
            ?? throw new ArgumentException($"The emulator's data set has nothing to publish as '{routingKey}'.", nameof(routingKey));
    }

    private static (string, JsonObject)? Pick<T>(IReadOnlyList<T> items, int cursor, Func<T, (string, JsonObject)> build) =>
        items.Count == 0 ? null : build(items[cursor % items.Count]);

    private static string GroupOf(EmulatorState state, int sensorId) =>
        state.Sensors.TryGetValue(sensorId, out var sensor) ? state.GroupName(sensor.GroupId) : "";

    private static List<BinaryRecord> MatchingBinaries(EmulatorState state, Watchlist watchlist)
    {
        try
        {
            var request = SearchParameters.FromQueryString(watchlist.SearchQuery).ToRequest() with { Start = 0, Rows = 1_000, Sort = null, FacetFields = [] };
            return [.. state.BinaryIndex.Search(request).Page.Select(o => state.Binaries[o])];
        }
        catch (SearchSyntaxException)
        {
            return [];
        }
    }
}
