using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Json;

/// <summary>Process documents as the real server writes them: search items, summaries and event lists.</summary>
internal static class ProcessJson
{
    /// <summary>A process search result item (and the <c>process</c> member of a summary).</summary>
    public static JsonObject Document(EmulatorState state, ProcessRecord process)
    {
        var sensor = state.SensorOf(process);
        var children = state.ChildrenByParentId.TryGetValue(process.Id, out var list) ? list.Count : 0;
        var json = new JsonObject
        {
            ["id"] = process.Id,
            ["unique_id"] = state.UniqueId(process),
            ["segment_id"] = state.SegmentId(process),
            ["parent_id"] = process.ParentId,
            ["parent_unique_id"] = state.ParentUniqueId(process),
            ["parent_name"] = process.ParentName,
            ["parent_pid"] = process.ParentPid,
            ["parent_md5"] = process.ParentMd5,
            ["process_name"] = process.ProcessName,
            ["process_pid"] = process.Pid,
            ["process_md5"] = process.Md5,
            ["path"] = process.Path,
            ["cmdline"] = process.CommandLine,
            ["username"] = process.UserName,
            ["hostname"] = sensor?.ComputerName ?? "",
            ["group"] = sensor is null ? "" : state.GroupName(sensor.GroupId),
            ["sensor_id"] = process.SensorId,
            ["host_type"] = process.HostType,
            ["os_type"] = process.OsType,
            ["start"] = process.Start is { } start ? CbTime.Solr(start) : JsonValue.Create(-1),
            ["last_update"] = CbTime.Solr(process.LastUpdate),
            ["last_server_update"] = CbTime.Solr(process.LastServerUpdate),
            ["terminated"] = process.Terminated,
            ["comms_ip"] = process.CommsIp,
            ["interface_ip"] = process.InterfaceIp,
            ["modload_count"] = process.Events.ModLoads.Count,
            ["filemod_count"] = process.Events.FileMods.Count,
            ["regmod_count"] = process.Events.RegMods.Count,
            ["netconn_count"] = process.Events.NetConns.Count,
            ["crossproc_count"] = process.Events.CrossProcs.Count,
            ["childproc_count"] = children + process.Events.ChildProcs.Count,
            ["processblock_count"] = 0,
            ["emet_count"] = 0,
            ["emet_config"] = "",
            ["filtering_known_dlls"] = false,
        };
        if (process.WatchlistTags.Count > 0)
        {
            json["watchlists"] = new JsonArray([.. process.WatchlistTags.OrderBy(t => t.Key).Select(t => (JsonNode)new JsonObject
            {
                ["wid"] = t.Key.ToString(CultureInfo.InvariantCulture),
                ["value"] = CbTime.Solr(t.Value),
            })]);
        }

        return json;
    }

    /// <summary>An item of a summary's <c>children</c> or <c>siblings</c> list.</summary>
    public static JsonObject Relative(EmulatorState state, ProcessRecord process)
    {
        var json = Document(state, process);
        json["is_suppressed"] = false;
        return json;
    }

    /// <summary><c>GET /api/v1/process/{id}/{seg}</c>: the process, its parent, children and siblings.</summary>
    public static JsonObject Summary(EmulatorState state, ProcessRecord process, int childLimit)
    {
        var parent = process.ParentId.Length > 0 ? state.FindProcess(process.ParentId) : null;
        var children = ChildrenOf(state, process.Id).Take(childLimit).Select(c => (JsonNode)Relative(state, c));
        var siblings = parent is null
            ? []
            : ChildrenOf(state, parent.Id).Where(s => s.Id != process.Id).Take(15).Select(s => (JsonNode)Relative(state, s));
        return new JsonObject
        {
            ["process"] = Document(state, process),
            ["parent"] = parent is null ? new JsonObject() : Document(state, parent),
            ["children"] = new JsonArray([.. children]),
            ["siblings"] = new JsonArray([.. siblings]),
        };
    }

    public static IEnumerable<ProcessRecord> ChildrenOf(EmulatorState state, string id) =>
        state.ChildrenByParentId.TryGetValue(id, out var ordinals) ? ordinals.Select(o => state.Processes[o]) : [];

    /// <summary>
    /// <c>GET /api/v{1..4}/process/{id}/{seg}/event</c>. v1 writes every list as pipe strings; v2 makes netconns
    /// objects with integer IPs; v3 also makes childprocs objects; v4 writes netconn IPs dotted and adds sha256.
    /// </summary>
    public static JsonObject Events(EmulatorState state, ProcessRecord process, int apiVersion, ProcessSegment? segment = null)
    {
        var json = Document(state, process);
        var events = segment is null ? process.Events : Within(process.Events, segment);
        json["filemod_complete"] = Strings(events.FileMods.Select(e =>
            string.Join('|', e.Op, CbTime.Event(e.Time), e.Path, e.Md5 ?? "", e.FileType == 0 ? "" : e.FileType, Bool(e.Tamper))));
        json["modload_complete"] = Strings(events.ModLoads.Select(e =>
            apiVersion >= 4 ? string.Join('|', CbTime.Event(e.Time), e.Md5, e.Path, Sha256Of(e.Md5)) : string.Join('|', CbTime.Event(e.Time), e.Md5, e.Path)));
        json["regmod_complete"] = Strings(events.RegMods.Select(e => string.Join('|', e.Op, CbTime.Event(e.Time), e.KeyPath, Bool(e.Tamper))));
        json["crossproc_complete"] = Strings(events.CrossProcs.Select(e =>
            string.Join('|', e.Type, CbTime.Event(e.Time), e.TargetUniqueId, e.TargetMd5, e.TargetPath, e.SubType, e.Access, Bool(e.Tamper))));
        json["netconn_complete"] = apiVersion == 1
            ? Strings(events.NetConns.Select(e => string.Join('|', CbTime.Event(e.Time), unchecked((int)e.RemoteIp), e.RemotePort, e.Protocol, e.Domain, Bool(e.Outbound))))
            : new JsonArray([.. events.NetConns.Select(e => (JsonNode)NetConn(e, apiVersion))]);
        var children = ChildEvents(state, process).Where(c => segment?.Holds(c.Time) ?? true).ToList();
        json["childproc_complete"] = apiVersion <= 2
            ? Strings(children.Select(c => string.Join('|', CbTime.Event(c.Time), c.ChildUniqueId, c.Md5, c.Path, c.Pid, Bool(c.Started), Bool(c.Tamper))))
            : new JsonArray([.. children.Select(c => (JsonNode)ChildProc(c, apiVersion))]);
        json["processblock_complete"] = new JsonArray();
        if (apiVersion >= 4)
        {
            json["fork_children_count"] = 0;
            json["exec_events_count"] = 0;
            json["binaries"] = Binaries(state, process);
        }

        return new JsonObject { ["process"] = json, ["elapsed"] = 0.0123 };
    }

    /// <summary>The events of one segment (child process events are filtered where they are rendered).</summary>
    private static ProcessEvents Within(ProcessEvents events, ProcessSegment segment) => new()
    {
        FileMods = [.. events.FileMods.Where(e => segment.Holds(e.Time))],
        ModLoads = [.. events.ModLoads.Where(e => segment.Holds(e.Time))],
        RegMods = [.. events.RegMods.Where(e => segment.Holds(e.Time))],
        NetConns = [.. events.NetConns.Where(e => segment.Holds(e.Time))],
        CrossProcs = [.. events.CrossProcs.Where(e => segment.Holds(e.Time))],
        ChildProcs = events.ChildProcs,
    };

    /// <summary>Recorded child starts plus one start and end per child process document.</summary>
    public static List<ChildProcEvent> ChildEvents(EmulatorState state, ProcessRecord process)
    {
        var events = new List<ChildProcEvent>(process.Events.ChildProcs);
        foreach (var child in ChildrenOf(state, process.Id))
        {
            var start = child.Start ?? child.LastUpdate;
            events.Add(new ChildProcEvent(start, state.UniqueId(child), child.Md5, child.Path, child.Pid, true, child.CommandLine, child.UserName));
            if (child.Terminated)
            {
                events.Add(new ChildProcEvent(child.LastUpdate, state.UniqueId(child), child.Md5, child.Path, child.Pid, false, child.CommandLine, child.UserName));
            }
        }

        events.Sort((a, b) => a.Time.CompareTo(b.Time));
        return events;
    }

    private static JsonObject NetConn(NetConnEvent e, int apiVersion)
    {
        JsonNode Ip(uint ip) => apiVersion >= 4 ? JsonValue.Create(ProcessFactory.ToDotted(ip)) : JsonValue.Create(unchecked((int)ip));
        return new JsonObject
        {
            ["timestamp"] = CbTime.Solr(e.Time),
            ["proto"] = e.Protocol,
            ["domain"] = e.Domain,
            ["direction"] = Bool(e.Outbound),
            ["local_ip"] = Ip(e.LocalIp),
            ["local_port"] = e.LocalPort,
            ["remote_ip"] = Ip(e.RemoteIp),
            ["remote_port"] = e.RemotePort,
            ["proxy_ip"] = Ip(0),
            ["proxy_port"] = 0,
        };
    }

    private static JsonObject ChildProc(ChildProcEvent e, int apiVersion)
    {
        var json = new JsonObject
        {
            ["processId"] = e.ChildUniqueId,
            ["pid"] = e.Pid,
            ["md5"] = e.Md5,
            ["path"] = e.Path,
            ["commandLine"] = e.CommandLine,
            ["userName"] = e.UserName,
            ["type"] = e.Started ? "start" : "end",
            [e.Started ? "start" : "end"] = e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["is_suppressed"] = false,
            ["is_tampered"] = e.Tamper,
        };
        if (apiVersion >= 4)
        {
            json["sha256"] = Sha256Of(e.Md5);
        }

        return json;
    }

    private static JsonObject Binaries(EmulatorState state, ProcessRecord process)
    {
        var json = new JsonObject();
        foreach (var md5 in process.Events.ModLoads.Select(m => m.Md5).Prepend(process.Md5).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (state.FindBinary(md5) is { } binary)
            {
                json[binary.Md5] = new JsonObject { ["digsig_result"] = binary.DigsigResult, ["digsig_publisher"] = binary.DigsigPublisher };
            }
        }

        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A stable made-up SHA-256 for an MD5 (6.x+ event columns).</summary>
    private static string Sha256Of(string md5) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(md5.ToLowerInvariant()))).ToLowerInvariant();
}
