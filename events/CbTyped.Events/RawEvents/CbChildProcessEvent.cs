using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>A child process started or ended (<c>CbChildProcessMsg</c>; <c>ingress.event.childproc</c>).</summary>
public sealed class CbChildProcessEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>childproc</c> is set.</summary>
    public CbChildProcessEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    private CbChildProcessMsg Child => Raw.Childproc;

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.ChildProcess;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.childproc";

    /// <inheritdoc />
    public override string EventType => "childproc";

    /// <summary>True when the child started, false when it ended.</summary>
    public bool Created => Child.Created;

    /// <summary>The child's image path.</summary>
    public string Path => Child.Path;

    /// <summary>The child's pid.</summary>
    public long ChildPid => Child.Pid;

    /// <summary>The child's MD5 (upper-case hex); the parent's (the header's) when the message has none, as the forwarder does.</summary>
    public string Md5 => Child.HasMd5Hash ? ForwarderFormat.Hex(Child.Md5Hash) : ProcessMd5;

    /// <summary>The child's SHA-256, like <see cref="Md5"/>.</summary>
    public string Sha256 => Child.HasSha256Hash ? ForwarderFormat.Hex(Child.Sha256Hash) : ProcessSha256;

    /// <summary>The child's process GUID (pid truncated to 32 bits); the decimal <c>child_guid</c> when not known.</summary>
    public string ChildProcessGuid =>
        Sensor.SensorId is { } sensor && Child.HasPid && Child.HasCreateTime
            ? ForwarderFormat.ProcessGuid(sensor, (int)Child.Pid, Child.CreateTime)
            : Child.ChildGuid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>Exec</c>, <c>Fork</c> or <c>OtherExec</c>.</summary>
    public string ChildProcessType => (int)Child.ChildProcType switch
    {
        0 => "Exec",
        1 => "Fork",
        2 => "OtherExec",
        var other => UnknownName(other),
    };

    /// <summary>True for a suppressed (eventless) child.</summary>
    public bool Suppressed => Child.Suppressed?.BIsSuppressed ?? false;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        // The parent GUID uses the sensor id as 0 when it is unknown: only the header's two fields are checked.
        var parent = Raw.Header.HasProcessPid && Raw.Header.HasProcessCreateTime
            ? ForwarderFormat.ProcessGuid(SensorId, Raw.Header.ProcessPid, Raw.Header.ProcessCreateTime)
            : Child.ParentGuid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        WriteIfNotEmpty(writer, "parent_guid", parent);
        WriteIfNotEmpty(writer, "link_child", AnalyzeLink(ChildProcessGuid, 1));
        writer.WriteBoolean("created", Created);
        writer.WriteBoolean("tamper_sent", Child.TamperSent);
        writer.WriteBoolean("tamper", Child.Tamper);
        writer.WriteString("path", Path);
        writer.WriteString("md5", Md5);
        writer.WriteString("sha256", Sha256);
        writer.WriteString("childproc_type", ChildProcessType);
        writer.WriteBoolean("childproc_suppressed", Suppressed);
        if (Suppressed)
        {
            WriteIfNotEmpty(writer, "childproc_commandline", ForwarderFormat.Text(Child.Commandline));
            WriteIfNotEmpty(writer, "childproc_username", Child.Username);
        }
        writer.WriteNumber("child_pid", ChildPid);
    }
}
