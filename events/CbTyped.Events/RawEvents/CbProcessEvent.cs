using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>A process started or ended (<c>CbProcessMsg</c>; routing keys <c>ingress.event.process</c>,
/// <c>procstart</c>, <c>procend</c>).</summary>
public sealed class CbProcessEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>process</c> is set.</summary>
    public CbProcessEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    private CbProcessMsg Process => Raw.Process;

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.Process;

    /// <inheritdoc />
    public override string ForwarderType => Created ? "ingress.event.procstart" : "ingress.event.procend";

    /// <inheritdoc />
    public override string EventType => "proc";

    /// <summary>True for a start, false for an end.</summary>
    public bool Created => Process.Created;

    /// <summary>The image path.</summary>
    public string Path => EventPath;

    /// <summary>The image MD5 (upper-case hex): the message's, else the header's; "" for an end.</summary>
    public string Md5 => !Created ? "" : Process.HasMd5Hash ? ForwarderFormat.Hex(Process.Md5Hash) : ProcessMd5;

    /// <summary>The image SHA-256 (upper-case hex), like <see cref="Md5"/>.</summary>
    public string Sha256 => !Created ? "" : Process.HasSha256Hash ? ForwarderFormat.Hex(Process.Sha256Hash) : ProcessSha256;

    /// <summary>The command line.</summary>
    public string CommandLine => ForwarderFormat.Text(Process.Commandline);

    /// <summary>The parent's pid.</summary>
    public int ParentPid => Process.ParentPid;

    /// <summary>The parent's image path.</summary>
    public string ParentPath => Process.ParentPath;

    /// <summary>The parent's MD5 (upper-case hex), "" when not sent.</summary>
    public string ParentMd5 => ForwarderFormat.Hex(Process.ParentMd5);

    /// <summary>The parent's process GUID; the decimal deprecated <c>parent_guid</c> when the parent is not known.</summary>
    public string ParentProcessGuid =>
        Sensor.SensorId is { } sensor && Process.HasParentPid && Process.HasParentCreateTime
            ? ForwarderFormat.ProcessGuid(sensor, Process.ParentPid, Process.ParentCreateTime)
            : Process.ParentGuid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The user name.</summary>
    public string Username => Process.Username;

    /// <summary>The user's SID or uid.</summary>
    public string Uid => Process.Uid;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteString("path", Path);
        writer.WriteString("md5", Md5);
        writer.WriteString("sha256", Sha256);
        writer.WriteString("command_line", CommandLine);
        writer.WriteString("parent_path", ParentPath);
        writer.WriteNumber("parent_pid", ParentPid);
        writer.WriteNumber("parent_guid", Process.ParentGuid);
        writer.WriteBoolean("filtering_known_dlls", Process.BFilteringKnownDlls);
        WriteIfNotEmpty(writer, "parent_md5", ParentMd5);
        WriteIfNotEmpty(writer, "parent_sha256", ForwarderFormat.Hex(Process.ParentSha256));
        writer.WriteBoolean("expect_followon_w_md5", Process.ExpectFollowonWMd5);
        WriteIfNotEmpty(writer, "link_parent", AnalyzeLink(ParentProcessGuid, 1));
        WriteIfNotEmpty(writer, "username", Username);
        WriteIfNotEmpty(writer, "uid", Uid);
        writer.WriteNumber("parent_create_time", ForwarderFormat.UnixSeconds(Process.ParentCreateTime));
    }
}
