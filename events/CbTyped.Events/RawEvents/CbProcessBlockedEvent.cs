using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>A process blocked by a hash ban (<c>CbProcessBlockedMsg</c>; <c>ingress.event.processblock</c>).</summary>
public sealed class CbProcessBlockedEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>blocked</c> is set.</summary>
    public CbProcessBlockedEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    private CbProcessBlockedMsg Blocked => Raw.Blocked;

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.ProcessBlocked;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.processblocked";

    /// <inheritdoc />
    public override string EventType => "blocked_process";

    /// <inheritdoc />
    protected override bool WritesProcess => false;

    /// <summary>The banned MD5 (upper-case hex).</summary>
    public string Md5 => ForwarderFormat.Hex(Blocked.Blockedmd5Hash);

    /// <summary>The blocked image's path.</summary>
    public string Path => Blocked.BlockedPath;

    /// <summary>The blocked process's GUID, null when it was blocked before it had a pid.</summary>
    public string? BlockedProcessGuid => Blocked.HasBlockedPid
        ? ForwarderFormat.ProcessGuid(SensorId, Blocked.BlockedPid, (long)Blocked.BlockedProcCreateTime)
        : null;

    /// <summary><c>ProcessCreate</c> or <c>RunningProcess</c>.</summary>
    public string BlockedEvent => (int)Blocked.BlockedEvent switch
    {
        1 => "ProcessCreate",
        2 => "RunningProcess",
        var other => UnknownName(other),
    };

    /// <summary>What the sensor did, for example <c>ProcessTerminated</c>.</summary>
    public string BlockedResult => (int)Blocked.BlockResult switch
    {
        0 => "ProcessTerminated",
        1 => "NotTerminatedCBProcess",
        2 => "NotTerminatedSystemProcess",
        3 => "NotTerminatedCriticalSystemProcess",
        4 => "NotTerminatedWhitelistPath", // sic: the forwarder's text, not the enum's name
        5 => "NotTerminatedOpenProcessError",
        6 => "NotTerminatedTerminateError",
        var other => UnknownName(other),
    };

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteString("md5", Md5);
        writer.WriteString("path", Path);
        if (BlockedProcessGuid is { } guid)
        {
            WriteIfNotEmpty(writer, "link_target", AnalyzeLink(guid, 1));
            writer.WriteString("process_guid", guid);
        }
        if (Blocked.BlockedProcCreateTime != 0)
            writer.WriteNumber("process_create_time", Blocked.BlockedProcCreateTime);
        WriteIfNotEmpty(writer, "command_line", Blocked.BlockedCmdline);
        if (Blocked.BlockedPid != 0)
            writer.WriteNumber("pid", Blocked.BlockedPid);
        if (Blocked.BlockedEvent == CbProcessBlockedMsg.Types.BlockEvent.ProcessCreate && (int)Blocked.BlockResult == 0)
        {
            WriteIfNotEmpty(writer, "uid", Blocked.BlockedUid);
            WriteIfNotEmpty(writer, "username", Blocked.BlockedUsername);
        }
        if ((int)Blocked.BlockResult is 5 or 6 && Blocked.BlockError != 0)
            writer.WriteNumber("blocked_error", Blocked.BlockError);
        writer.WriteString("blocked_event", BlockedEvent);
        writer.WriteString("blocked_reason", (int)Blocked.BlockedType == 1 ? "Md5Hash" : UnknownName((int)Blocked.BlockedType));
        writer.WriteString("blocked_result", BlockedResult);
    }
}
