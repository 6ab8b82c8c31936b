using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Endpoints;
using CbTyped.Emulator.Search;
using CbTyped.Events.Protobuf;

namespace CbTyped.Emulator.Bus;

/// <summary>
/// The steady stream of server events the emulator publishes at the configured rate, taken from its data set in a
/// fixed cycle of kinds: watchlist hits (process and binary, search and storage forms) of the seeded watchlists,
/// feed hits for the feed reports' MD5s, alerts, and binaries observed and stored, then the raw sensor events of its
/// processes (protobuf on <c>api.events</c>) and zip bundles of them (<c>api.rawsensordata</c>). Each kind walks its
/// own list, so the stream is the same for the same data set. Call the <c>Next</c> methods under the state's gate.
/// Each message comes with its text: the JSON body, or for protobuf the messages in protobuf's JSON mapping.
/// </summary>
internal sealed class BusEventStream
{
    private readonly List<Func<int, (BusMessage Message, string Text)?>> _kinds;
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
        var started = state.Processes.Where(p => p.Start is not null).ToList();
        List<ProcessRecord> With(Func<ProcessEvents, int> count) => [.. started.Where(p => count(p.Events) > 0)];
        var withModLoads = With(e => e.ModLoads.Count);
        var withFileMods = With(e => e.FileMods.Count);
        var withRegMods = With(e => e.RegMods.Count);
        var withNetConns = With(e => e.NetConns.Count);
        var withChildProcs = started.Where(p => p.Events.ChildProcs.Count > 0 || state.ChildrenByParentId.ContainsKey(p.Id)).ToList();
        var withOpens = With(e => e.CrossProcs.Count(c => !RawSensorEvents.IsRemoteThread(c)));
        var withThreads = With(e => e.CrossProcs.Count(RawSensorEvents.IsRemoteThread));
        var sensors = started.GroupBy(p => p.SensorId).Select(g => g.ToList()).ToList();

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
            i => Raw(state, started, i, "ingress.event.process", (p, _) => RawSensorEvents.ProcessStart(p)),
            i => Raw(state, [.. started.Where(p => p.Terminated)], i, "ingress.event.procend", (p, _) => RawSensorEvents.ProcessEnd(p)),
            i => Raw(state, withModLoads, i, "ingress.event.moduleload", (p, n) => RawSensorEvents.ModLoad(p, Nth(p.Events.ModLoads, n))),
            i => Raw(state, withFileMods, i, "ingress.event.filemod", (p, n) => RawSensorEvents.FileMod(p, Nth(p.Events.FileMods, n))),
            i => Raw(state, withRegMods, i, "ingress.event.regmod", (p, n) => RawSensorEvents.RegMod(p, Nth(p.Events.RegMods, n))),
            i => Raw(state, withNetConns, i, "ingress.event.netconn", (p, n) => RawSensorEvents.NetConn(p, Nth(p.Events.NetConns, n))),
            i => Raw(state, withChildProcs, i, "ingress.event.childproc", (p, n) => RawSensorEvents.ChildProc(p, Nth(Json.ProcessJson.ChildEvents(state, p), n))),
            i => Raw(state, withOpens, i, "ingress.event.crossprocopen", (p, n) => RawSensorEvents.CrossProc(p, Nth([.. p.Events.CrossProcs.Where(c => !RawSensorEvents.IsRemoteThread(c))], n))),
            i => Raw(state, withThreads, i, "ingress.event.remotethread", (p, n) => RawSensorEvents.CrossProc(p, Nth([.. p.Events.CrossProcs.Where(RawSensorEvents.IsRemoteThread)], n))),
            i => Bundle(state, sensors, i),
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
        "ingress.event.process", "ingress.event.procend", "ingress.event.moduleload", "ingress.event.filemod",
        "ingress.event.regmod", "ingress.event.netconn", "ingress.event.childproc", "ingress.event.crossprocopen",
        "ingress.event.remotethread", RawBundles,
    ];

    /// <summary>The kind name of raw-event bundles, which have no routing key: their exchange's name.</summary>
    public const string RawBundles = BusPublisher.RawExchange;

    /// <summary>The most processes in one bundle (one member each) and records in one member.</summary>
    private const int BundleProcesses = 4;
    private const int MemberRecords = 256;

    private static readonly Google.Protobuf.JsonFormatter Formatter = new(Google.Protobuf.JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));

    /// <summary>The next event of the cycle; null when the data set has nothing for any kind.</summary>
    public (BusMessage Message, string Text)? Next()
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
    public (BusMessage Message, string Text) Next(string routingKey)
    {
        var kind = RoutingKeys.ToList().IndexOf(routingKey);
        if (kind < 0)
        {
            throw new ArgumentException($"The emulator does not publish '{routingKey}' from its data set; it publishes {string.Join(", ", RoutingKeys)}.", nameof(routingKey));
        }

        return _kinds[kind](_cursors[kind]++)
            ?? throw new ArgumentException($"The emulator's data set has nothing to publish as '{routingKey}'.", nameof(routingKey));
    }

    private static (BusMessage, string)? Pick<T>(IReadOnlyList<T> items, int cursor, Func<T, (string Key, JsonObject Body)> build)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var (key, body) = build(items[cursor % items.Count]);
        var text = body.ToJsonString();
        return (new BusMessage(key, System.Text.Encoding.UTF8.GetBytes(text)), text);
    }

    /// <summary>The cursor's raw event: processes in turn, and each time round the next event of each.</summary>
    private static (BusMessage, string)? Raw(EmulatorState state, List<ProcessRecord> processes, int cursor, string key, Func<ProcessRecord, int, CbEventMsg> build)
    {
        if (processes.Count == 0)
        {
            return null;
        }

        var process = processes[cursor % processes.Count];
        var msg = RawSensorEvents.WithEnvironment(build(process, cursor / processes.Count), state.SensorOf(process), process.SensorId);
        return (new BusMessage(key, Google.Protobuf.MessageExtensions.ToByteArray(msg), "application/protobuf"), Formatter.Format(msg));
    }

    private static T Nth<T>(IReadOnlyList<T> items, int n) => items[n % items.Count];

    /// <summary>
    /// A zip bundle of one sensor's raw events, as the server publishes on <c>api.rawsensordata</c>: one member per
    /// process (up to <see cref="BundleProcesses"/>, the next ones of the sensor each time round), records without
    /// <c>env</c>, the sensor in the headers <c>sensorId</c> and <c>hostId</c> (64-bit), <c>nodeId</c> (32-bit),
    /// <c>sensorHostName</c> (long string). Its text is a JSON array of the records.
    /// </summary>
    private static (BusMessage, string)? Bundle(EmulatorState state, List<List<ProcessRecord>> sensors, int cursor)
    {
        if (sensors.Count == 0)
        {
            return null;
        }

        var processes = sensors[cursor % sensors.Count];
        var first = cursor / sensors.Count * BundleProcesses;
        var chosen = Enumerable.Range(0, Math.Min(BundleProcesses, processes.Count)).Select(k => processes[(first + k) % processes.Count]).ToList();
        var members = chosen.Select((p, n) => (RawSensorEvents.MemberName(p.SensorId, n, state.Now.UtcDateTime), RawSensorEvents.All(p, Json.ProcessJson.ChildEvents(state, p)).Take(MemberRecords).ToList())).ToList();
        var sensorId = chosen[0].SensorId;
        var headers = new Dictionary<string, object?>
        {
            ["sensorId"] = (long)sensorId,
            ["hostId"] = (long)sensorId,
            ["nodeId"] = 0,
            ["sensorHostName"] = state.Sensors.TryGetValue(sensorId, out var sensor) ? sensor.ComputerName : "",
        };
        var body = RawSensorEvents.Bundle(members.Select(m => (m.Item1, (IEnumerable<CbEventMsg>)m.Item2)));
        var text = "[" + string.Join(",", members.SelectMany(m => m.Item2).Select(r => Formatter.Format(r))) + "]";
        return (new BusMessage("", body, "application/zip", Exchange: BusPublisher.RawExchange, Headers: headers), text);
    }

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
