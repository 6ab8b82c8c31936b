using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>
/// A handle opened in another process (<c>ingress.event.crossprocopen</c>) or a thread created in one
/// (<c>ingress.event.remotethread</c>): <c>CbCrossProcessMsg</c>.
/// </summary>
public sealed class CbCrossProcessEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>crossproc</c> is set.</summary>
    public CbCrossProcessEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    private CbCrossProcessOpenMsg? Open => Raw.Crossproc.Open;

    private CbCreateRemoteThreadMsg? Thread => Raw.Crossproc.Remotethread;

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.CrossProcess;

    /// <inheritdoc />
    public override string ForwarderType => Open is not null ? "ingress.event.crossprocopen" : "ingress.event.remotethread";

    /// <inheritdoc />
    public override string EventType => "cross_process";

    /// <inheritdoc />
    protected override bool WritesProcessHashes => true;

    /// <summary><c>open_process</c>, <c>open_thread</c>, <c>remote_thread</c>, else <c>unknown (n)</c>.</summary>
    public string CrossProcessType => Open is { } open
        ? (int)open.Type switch { 1 => "open_process", 2 => "open_thread", var other => UnknownName(other) }
        : "remote_thread";

    /// <summary>True when the acting (header) process is the target, not the actor.</summary>
    public bool IsTarget => Raw.Crossproc.IsTarget;

    /// <summary>The other process's pid.</summary>
    public long TargetPid => Open is { } open ? open.TargetPid : Thread?.RemoteProcPid ?? 0;

    /// <summary>The other process's creation time (raw FILETIME).</summary>
    public ulong TargetCreateTime => Open is { } open ? open.TargetProcCreateTime : Thread?.RemoteProcCreateTime ?? 0;

    /// <summary>The other process's image path.</summary>
    public string TargetPath => Open is { } open ? open.TargetProcPath : Thread?.RemoteProcPath ?? "";

    /// <summary>The other process's MD5 (upper-case hex), "" when not sent.</summary>
    public string TargetMd5 => ForwarderFormat.Hex(Open is { } open ? open.TargetProcMd5 : Thread?.RemoteProcMd5 ?? Google.Protobuf.ByteString.Empty);

    /// <summary>The other process's GUID (zeros when its pid and time are not sent).</summary>
    public string TargetProcessGuid => ForwarderFormat.ProcessGuid(SensorId, (int)TargetPid, (long)TargetCreateTime);

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteBoolean("is_target", IsTarget);
        writer.WriteString("cross_process_type", CrossProcessType);
        writer.WriteString("target_md5", TargetMd5);
        if (Open is { RequestedAccess: not 0 } open)
            writer.WriteNumber("requested_access", open.RequestedAccess);
        var guid = TargetProcessGuid;
        WriteIfNotEmpty(writer, "link_target", AnalyzeLink(guid, 1));
        writer.WriteString("target_path", TargetPath);
        writer.WriteString("target_sha256", ForwarderFormat.Hex(Open is { } o ? o.TargetProcSha256 : Thread?.RemoteProcSha256 ?? Google.Protobuf.ByteString.Empty));
        writer.WriteNumber("target_pid", TargetPid);
        writer.WriteNumber("target_create_time", TargetCreateTime);
        writer.WriteString("target_process_guid", guid);
    }
}
