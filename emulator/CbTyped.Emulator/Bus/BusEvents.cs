using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;

namespace CbTyped.Emulator.Bus;

/// <summary>
/// The JSON bodies a Cb Response server publishes on <c>api.events</c>, with the field names, types and value
/// shapes of recorded server traffic: epoch seconds with a fraction in <c>event_timestamp</c>, upper-case MD5s in
/// binary events and lower-case ones in process alerts, every alert value a string, and so on.
/// </summary>
internal static class BusEvents
{
    public const string ServerName = "cbtyped-emulator";

    public static double EventTimestamp(EmulatorState state) =>
        Math.Round((state.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds, 6);

    public static JsonObject WatchlistHitProcess(EmulatorState state, Watchlist watchlist, IEnumerable<ProcessRecord> processes) =>
        WatchlistHit(state, watchlist, new JsonArray([.. processes.Select(p => (JsonNode)ProcessJson.Document(state, p))]));

    public static JsonObject WatchlistStorageHitProcess(EmulatorState state, Watchlist watchlist, ProcessRecord process)
    {
        var doc = ProcessJson.Document(state, process);
        doc.Remove("id");
        doc.Remove("segment_id");
        doc.Remove("sensor_id");
        doc[$"watchlist_{watchlist.Id}"] = AlertTime(process.WatchlistTags.GetValueOrDefault(watchlist.Id, state.Now.UtcDateTime));
        var json = WatchlistHit(state, watchlist, new JsonArray(doc));
        json["process_id"] = process.Id;
        return json;
    }

    public static JsonObject WatchlistHitBinary(EmulatorState state, Watchlist watchlist, IEnumerable<BinaryRecord> binaries) =>
        WatchlistHit(state, watchlist, new JsonArray([.. binaries.Select(b => (JsonNode)BinaryJson.Document(state, b))]));

    public static JsonObject WatchlistStorageHitBinary(EmulatorState state, Watchlist watchlist, BinaryRecord binary)
    {
        // Storage hits carry single values where search documents carry lists.
        var doc = BinaryJson.Document(state, binary);
        doc["observed_filename"] = binary.ObservedFilenames.Count > 0 ? binary.ObservedFilenames[0] : "";
        doc["endpoint"] = binary.Endpoints.Select(e => e.Hostname + "|" + e.SensorId).FirstOrDefault() ?? "";
        doc["group"] = ((JsonArray)doc["group"]!).Select(g => (string?)g).FirstOrDefault() ?? "";
        doc.Remove("signed");
        doc.Remove("timestamp");
        doc[$"watchlist_{watchlist.Id}"] = AlertTime(state.Now.UtcDateTime);
        var json = WatchlistHit(state, watchlist, new JsonArray(doc));
        json["md5"] = binary.Md5.ToUpperInvariant();
        return json;
    }

    private static JsonObject WatchlistHit(EmulatorState state, Watchlist watchlist, JsonArray docs) => new()
    {
        ["cb_version"] = state.Options.ServerVersion,
        ["docs"] = docs,
        ["event_timestamp"] = EventTimestamp(state),
        ["highlights"] = new JsonArray(),
        ["server_name"] = ServerName,
        ["watchlist_id"] = watchlist.Id,
        ["watchlist_name"] = watchlist.Name,
    };

    public static JsonObject FeedIngressHitProcess(EmulatorState state, ThreatReport report, ProcessRecord process)
    {
        var sensor = state.SensorOf(process);
        return new JsonObject
        {
            ["cb_version"] = state.Options.ServerVersion,
            ["event_timestamp"] = EventTimestamp(state),
            ["feed_id"] = report.FeedId,
            ["feed_name"] = report.FeedName,
            ["from_feed_search"] = false,
            ["group"] = sensor is null ? "" : state.GroupName(sensor.GroupId),
            ["hostname"] = sensor?.ComputerName ?? "",
            ["ioc_attr"] = new JsonObject(),
            ["ioc_type"] = "md5",
            ["ioc_value"] = process.Md5.ToLowerInvariant(),
            ["os_type"] = "Windows",
            ["process_id"] = process.Id,
            ["report_id"] = report.ReportId,
            ["report_score"] = report.Score,
            ["sensor_id"] = process.SensorId,
            ["server_name"] = ServerName,
        };
    }

    public static JsonObject FeedStorageHitBinary(EmulatorState state, ThreatReport report, BinaryRecord binary)
    {
        var endpoint = binary.Endpoints.Count > 0 ? binary.Endpoints[0] : (Hostname: "", SensorId: 0);
        var doc = BinaryJson.Document(state, binary);
        foreach (var key in new[] { "cb_version", "copied_mod_len", "orig_mod_len", "is_64bit", "is_executable_image" })
        {
            doc[key] = doc[key]!.ToJsonString(); // this event carries them as strings
        }

        return new JsonObject
        {
            ["cb_version"] = state.Options.ServerVersion,
            ["docs"] = new JsonArray(doc),
            ["event_timestamp"] = EventTimestamp(state),
            ["feed_id"] = report.FeedId,
            ["feed_name"] = report.FeedName,
            ["group"] = state.Sensors.TryGetValue(endpoint.SensorId, out var sensor) ? state.GroupName(sensor.GroupId) : "",
            ["hostname"] = endpoint.Hostname,
            ["ioc_attr"] = new JsonObject(),
            ["ioc_type"] = "md5",
            ["ioc_value"] = binary.Md5.ToLowerInvariant(),
            ["md5"] = binary.Md5.ToUpperInvariant(),
            ["report_id"] = report.ReportId,
            ["report_score"] = report.Score,
            ["sensor_id"] = endpoint.SensorId,
            ["server_name"] = ServerName,
        };
    }

    /// <summary>An alert on a process: every value a string except <c>event_timestamp</c>.</summary>
    public static JsonObject AlertProcess(EmulatorState state, Alert alert)
    {
        var process = alert.Process;
        var sensor = state.SensorOf(process);
        string S(double value) => value.ToString(CultureInfo.InvariantCulture);
        string I(long value) => value.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["alert_severity"] = S(alert.AlertSeverity),
            ["alert_type"] = alert.AlertType,
            ["childproc_count"] = I(process.Events.ChildProcs.Count),
            ["comms_ip"] = DottedIp(process.CommsIp),
            ["created_time"] = AlertTime(alert.CreatedTime),
            ["crossproc_count"] = I(process.Events.CrossProcs.Count),
            ["event_timestamp"] = EventTimestamp(state),
            ["feed_id"] = I(alert.FeedId),
            ["feed_name"] = alert.FeedName,
            ["feed_rating"] = "3.0",
            ["filemod_count"] = I(process.Events.FileMods.Count),
            ["group"] = sensor is null ? "" : state.GroupName(sensor.GroupId),
            ["hostname"] = sensor?.ComputerName ?? "",
            ["interface_ip"] = DottedIp(process.InterfaceIp),
            ["ioc_attr"] = "{\"highlights\": []}",
            ["ioc_confidence"] = S(alert.IocConfidence),
            ["ioc_type"] = alert.IocType,
            ["md5"] = process.Md5.ToLowerInvariant(),
            ["modload_count"] = I(process.Events.ModLoads.Count),
            ["netconn_count"] = I(process.Events.NetConns.Count),
            ["os_type"] = "windows",
            ["process_id"] = process.Id,
            ["process_name"] = process.ProcessName,
            ["process_path"] = process.Path,
            ["regmod_count"] = I(process.Events.RegMods.Count),
            ["report_score"] = I(alert.ReportScore),
            ["segment_id"] = I(state.SegmentId(process)),
            ["sensor_criticality"] = "3.0",
            ["sensor_id"] = I(process.SensorId),
            ["status"] = alert.Status,
            ["unique_id"] = alert.UniqueId,
            ["username"] = process.UserName,
            ["watchlist_id"] = alert.WatchlistId ?? "",
            ["watchlist_name"] = alert.WatchlistName ?? "",
        };
    }

    /// <summary>An alert a binary watchlist raised; its id is derived from the watchlist and the MD5, so the same
    /// hit always has the same id.</summary>
    public static JsonObject AlertBinary(EmulatorState state, Watchlist watchlist, BinaryRecord binary)
    {
#pragma warning disable CA5351 // MD5 only derives a stable id here; nothing depends on it being secret
        var hash = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(watchlist.Id.ToString(CultureInfo.InvariantCulture) + "|" + binary.Md5));
#pragma warning restore CA5351
        var hosts = binary.Endpoints.Select(e => e.Hostname).Distinct(StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["alert_severity"] = "45.0",
            ["alert_type"] = "watchlist.hit.query.binary",
            ["created_time"] = AlertTime(state.Now.UtcDateTime),
            ["digsig_result"] = binary.DigsigResult,
            ["event_timestamp"] = EventTimestamp(state),
            ["feed_id"] = "-1",
            ["feed_name"] = "My Watchlists",
            ["feed_rating"] = "3.0",
            ["host_count"] = binary.HostCount.ToString(CultureInfo.InvariantCulture),
            ["hostname"] = hosts.FirstOrDefault() ?? "",
            ["ioc_confidence"] = "0.5",
            ["ioc_type"] = "query",
            ["md5"] = binary.Md5.ToUpperInvariant(),
            ["observed_filename"] = new JsonArray([.. binary.ObservedFilenames.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["observed_filename_total_count"] = binary.ObservedFilenames.Count.ToString(CultureInfo.InvariantCulture),
            ["os_type"] = "Windows",
            ["other_hostnames"] = new JsonArray([.. hosts.Skip(1).Select(h => (JsonNode)JsonValue.Create(h))]),
            ["report_score"] = "75",
            ["sensor_criticality"] = "3.0",
            ["status"] = "Unresolved",
            ["unique_id"] = new Guid(hash).ToString(),
            ["watchlist_id"] = watchlist.Id.ToString(CultureInfo.InvariantCulture),
            ["watchlist_name"] = watchlist.Name,
        };
    }

    public static JsonObject BinaryInfoObserved(EmulatorState state, BinaryRecord binary) => new()
    {
        ["event_timestamp"] = EventTimestamp(state),
        ["md5"] = binary.Md5.ToUpperInvariant(),
        ["scores"] = new JsonObject(),
        ["watchlists"] = new JsonObject(),
    };

    public static JsonObject BinaryInfoHostObserved(EmulatorState state, BinaryRecord binary, (string Hostname, int SensorId) endpoint)
    {
        var json = BinaryInfoObserved(state, binary);
        json["hostname"] = endpoint.Hostname;
        json["sensor_id"] = endpoint.SensorId;
        return json;
    }

    public static JsonObject BinaryInfoGroupObserved(EmulatorState state, BinaryRecord binary, string group)
    {
        var json = BinaryInfoObserved(state, binary);
        json["group"] = group;
        return json;
    }

    public static JsonObject BinaryStoreFileAdded(EmulatorState state, BinaryRecord binary)
    {
        var md5 = binary.Md5.ToUpperInvariant();
        return new JsonObject
        {
            ["compressed_size"] = Math.Max(1, binary.Size * 3 / 5),
            ["event_timestamp"] = EventTimestamp(state),
            ["file_path"] = $"/var/cb/data/modulestore/{md5[..3]}/{md5[3..6]}/{md5}.zip",
            ["md5"] = md5,
            ["node_id"] = 0,
            ["size"] = binary.Size,
        };
    }

    public static JsonObject FeedSynchronizeCommand(EmulatorState state, Feed feed, bool fullSync) => new()
    {
        ["event_timestamp"] = EventTimestamp(state),
        ["feed_id"] = feed.Id,
        ["full_sync"] = fullSync,
    };

    public static JsonObject FeedSynchronized(EmulatorState state, Feed feed, DateTimeOffset scanStart) => new()
    {
        ["event_timestamp"] = EventTimestamp(state),
        ["feed_id"] = feed.Id,
        ["feed_name"] = feed.Name,
        ["feed_update_time"] = state.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["scan_start_time"] = scanStart.ToUnixTimeSeconds(),
    };

    /// <summary>[emu] No partition event was ever recorded: the emulator sends the partition's name.</summary>
    public static JsonObject Partition(EmulatorState state, string name) => new()
    {
        ["event_timestamp"] = EventTimestamp(state),
        ["partition_name"] = name,
    };

    private static string AlertTime(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A packed IPv4 (first octet in the most significant byte) as dotted text.</summary>
    private static string DottedIp(int packed)
    {
        var v = unchecked((uint)packed);
        return string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 0xFF}.{(v >> 8) & 0xFF}.{v & 0xFF}");
    }
}
