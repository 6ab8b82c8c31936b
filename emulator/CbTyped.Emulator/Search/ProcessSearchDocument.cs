using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;

namespace CbTyped.Emulator.Search;

/// <summary>
/// A process as the query engine sees it: its own fields, its events, and the joined binary fields (a
/// binary field applies to process_md5; suffixes _parent and _modload retarget it).
/// </summary>
internal sealed class ProcessSearchDocument(EmulatorState state, ProcessRecord process) : ISearchDocument
{
    public void WriteFields(ISearchFieldSink sink)
    {
        var sensor = state.SensorOf(process);
        sink.Add("process_name", process.ProcessName);
        sink.Add("path", process.Path);
        sink.Add("cmdline", process.CommandLine);
        sink.Add("username", process.UserName);
        sink.Add("hostname", sensor?.ComputerName ?? "");
        sink.Add("group", sensor is null ? "" : state.GroupName(sensor.GroupId));
        sink.Add("host_type", process.HostType);
        sink.Add("os_type", process.OsType);
        sink.Add("sensor_id", process.SensorId);
        sink.Add("process_id", process.Id);
        sink.Add("parent_id", process.ParentId);
        sink.Add("process_pid", process.Pid);
        sink.Add("parent_pid", process.ParentPid);
        sink.Add("process_md5", process.Md5);
        sink.Add("md5", process.Md5);
        sink.Add("parent_md5", process.ParentMd5);
        sink.Add("md5", process.ParentMd5);
        sink.Add("parent_name", process.ParentName);
        if (process.Start is { } start)
        {
            sink.Add("start", start);
        }

        sink.Add("last_update", process.LastUpdate);
        sink.Add("last_server_update", process.LastServerUpdate);
        sink.Add("terminated", process.Terminated);
        sink.Add("tampered", false);
        sink.Add("has_emet_config", false);
        sink.Add("has_emet_event", false);

        var events = process.Events;
        var children = ProcessJson.ChildrenOf(state, process.Id).ToList();
        sink.Add("modload_count", events.ModLoads.Count);
        sink.Add("filemod_count", events.FileMods.Count);
        sink.Add("regmod_count", events.RegMods.Count);
        sink.Add("netconn_count", events.NetConns.Count);
        sink.Add("crossproc_count", events.CrossProcs.Count);
        sink.Add("childproc_count", children.Count + events.ChildProcs.Count);
        sink.Add("processblock_count", 0L);
        foreach (var child in children)
        {
            sink.Add("childproc_name", child.ProcessName);
            sink.Add("childproc_md5", child.Md5);
            sink.Add("md5", child.Md5);
        }

        foreach (var load in events.ModLoads)
        {
            sink.Add("modload", load.Path);
            sink.Add("md5", load.Md5);
            WriteBinaryFields(sink, load.Md5, "_modload", joinOnly: true);
        }

        foreach (var mod in events.FileMods)
        {
            sink.Add("filemod", mod.Path);
            if (mod.Md5 is { Length: > 0 } written)
            {
                sink.Add("filewrite_md5", written);
                sink.Add("md5", written);
            }
        }

        foreach (var mod in events.RegMods)
        {
            sink.Add("regmod", mod.KeyPath);
        }

        foreach (var conn in events.NetConns)
        {
            sink.Add("domain", conn.Domain);
            sink.AddIPv4("ipaddr", conn.RemoteIp);
            sink.Add("ipport", conn.RemotePort);
        }

        foreach (var cross in events.CrossProcs)
        {
            sink.Add("crossproc_name", cross.TargetPath[(cross.TargetPath.LastIndexOf('\\') + 1)..]);
            sink.Add("crossproc_md5", cross.TargetMd5);
            sink.Add("crossproc_type", cross.Type == "RemoteThread" ? "remote_thread" : "process_open");
        }

        foreach (var tag in process.WatchlistTags)
        {
            sink.Add("watchlist_" + tag.Key, tag.Value);
        }

        foreach (var (feed, score) in FeedTags.ScoresFor(state, process.Md5, events.NetConns.Select(c => c.Domain)))
        {
            sink.Add("alliance_score_" + feed, score);
        }

        WriteBinaryFields(sink, process.Md5, "", joinOnly: false);
        WriteBinaryFields(sink, process.ParentMd5, "_parent", joinOnly: true);
    }

    /// <summary>
    /// Binary fields joined through an MD5. The retargeted forms (_modload, _parent) carry only the signature
    /// fields people query them for, which keeps indexing of large data sets fast.
    /// </summary>
    private void WriteBinaryFields(ISearchFieldSink sink, string md5, string suffix, bool joinOnly)
    {
        if (state.FindBinary(md5) is not { } binary)
        {
            return;
        }

        sink.Add("digsig_result" + suffix, binary.DigsigResult);
        if (binary.DigsigPublisher is { } publisher)
        {
            sink.Add("digsig_publisher" + suffix, publisher);
        }

        if (joinOnly)
        {
            return;
        }

        sink.Add("company_name" + suffix, binary.CompanyName);
        sink.Add("product_name" + suffix, binary.ProductName);
        sink.Add("is_executable_image" + suffix, binary.IsExecutableImage);
    }
}
