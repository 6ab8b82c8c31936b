using System.Globalization;
using System.Text.Json;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary>How <c>process events</c> shows one decoded event: a one-line description, or a JSON object.</summary>
internal static class ProcessEventRows
{
    /// <summary>The event kinds, as <c>--type</c> takes them and the SDK names them.</summary>
    public static readonly string[] Types = ["modload", "filemod", "regmod", "netconn", "childproc", "crossproc", "processblock"];

    public static readonly Column<ProcessEvent>[] Columns =
    [
        new("Time (UTC)", e => Formats.Date(e.Timestamp)),
        new("Type", e => e.EventType),
        new("Segment", e => Formats.Number(e.Process.SegmentId), AlignRight: true),
        new("Event", Describe),
    ];

    public static string Describe(ProcessEvent e) => e switch
    {
        ModLoadEvent m => $"{m.Path} ({m.Md5}){(m.IsSigned == false ? " unsigned" : "")}",
        FileModEvent f => $"{f.Type} {f.Path}{(f.Md5 is { Length: > 0 } md5 ? " (" + md5 + ")" : "")}",
        RegModEvent r => $"{r.Type} {r.Path}",
        NetConnEvent n => $"{(n.IsOutbound ? "out to" : "in from")} {n.RemoteIp}:{n.RemotePort.ToString(CultureInfo.InvariantCulture)}"
            + (n.Domain is { Length: > 0 } domain ? " (" + domain + ")" : "") + " protocol " + n.ProtocolNumber.ToString(CultureInfo.InvariantCulture),
        ChildProcEvent c => $"{(c.IsTerminated ? "end" : "start")} {c.Path} pid {Formats.Number(c.Pid) ?? "?"}" + (c.CommandLine is { Length: > 0 } cmd ? ": " + cmd : ""),
        CrossProcEvent x => $"{x.Type} {(x.IsTarget ? "from" : "to")} {x.OtherPath}",
        ProcessBlockEvent b => $"{b.BlockType} {b.BlockResult} {b.BlockedPath}".Trim(),
        _ => e.EventType,
    };

    public static void WriteJson(Utf8JsonWriter w, ProcessEvent e)
    {
        w.WriteStartObject();
        w.WriteString("type", e.EventType);
        RowList.WriteUtc(w, "timestamp", e.Timestamp);
        w.WriteString("process_guid", e.Process.Id);
        if (e.Process.SegmentId is { } segment)
            w.WriteNumber("segment_id", segment);
        w.WriteNumber("sequence", e.Sequence);
        w.WriteBoolean("tampered", e.IsTampered);
        switch (e)
        {
            case ModLoadEvent m:
                w.WriteString("path", m.Path);
                w.WriteString("md5", m.Md5);
                w.WriteString("sha256", m.Sha256);
                if (m.IsSigned is { } signed)
                    w.WriteBoolean("signed", signed);
                break;
            case FileModEvent f:
                w.WriteString("action", f.Type.ToString());
                w.WriteString("path", f.Path);
                w.WriteString("md5", f.Md5);
                w.WriteString("file_type", f.FileType.ToString());
                break;
            case RegModEvent r:
                w.WriteString("action", r.Type.ToString());
                w.WriteString("path", r.Path);
                break;
            case NetConnEvent n:
                w.WriteString("direction", n.IsOutbound ? "outbound" : "inbound");
                w.WriteString("remote_ip", n.RemoteIp);
                w.WriteNumber("remote_port", n.RemotePort);
                w.WriteString("local_ip", n.LocalIp);
                if (n.LocalPort is { } localPort)
                    w.WriteNumber("local_port", localPort);
                w.WriteString("domain", n.Domain);
                w.WriteNumber("protocol", n.ProtocolNumber);
                break;
            case ChildProcEvent c:
                w.WriteString("action", c.IsTerminated ? "end" : "start");
                w.WriteString("child_unique_id", c.ChildUniqueId);
                w.WriteString("path", c.Path);
                w.WriteString("md5", c.Md5);
                if (c.Pid is { } pid)
                    w.WriteNumber("pid", pid);
                w.WriteString("command_line", c.CommandLine);
                w.WriteString("username", c.UserName);
                break;
            case CrossProcEvent x:
                w.WriteString("action", x.Type.ToString());
                w.WriteBoolean("is_target", x.IsTarget);
                w.WriteString("other_unique_id", x.OtherProcessUniqueId);
                w.WriteString("other_path", x.OtherPath);
                w.WriteString("other_md5", x.OtherMd5);
                w.WriteNumber("privileges", x.PrivilegeCode);
                break;
            case ProcessBlockEvent b:
                w.WriteString("block_type", b.BlockType);
                w.WriteString("block_event", b.BlockEvent);
                w.WriteString("block_result", b.BlockResult);
                w.WriteString("blocked_path", b.BlockedPath);
                w.WriteString("blocked_md5", b.BlockedMd5);
                w.WriteString("blocked_command_line", b.BlockedCommandLine);
                break;
        }
        w.WriteEndObject();
    }
}
