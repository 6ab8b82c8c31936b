using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>
/// One raw sensor event (a <c>CbEventMsg</c>, alone on <c>api.events</c> or one record of a bundle), with the acting
/// process and the time read the way the vendor's event forwarder reads them. Derived types add what their kind
/// carries; <see cref="ToJson"/> writes the forwarder's JSON for the event, keys in its order.
/// </summary>
public abstract class CbRawSensorEvent : CbBusEvent
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly CbEventDecoderOptions _options;

    /// <summary>Creates the event for <paramref name="raw"/>, one of <paramref name="message"/>'s events.</summary>
    protected CbRawSensorEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message)
    {
        Raw = raw ?? throw new ArgumentNullException(nameof(raw));
        Sensor = sensor ?? throw new ArgumentNullException(nameof(sensor));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>True for a record of a zip or bare bundle (many events in one message).</summary>
    public bool IsBundleRecord { get; internal set; }

    /// <summary>
    /// The message's routing key; for a bundle record, the key a single event of its kind has on <c>api.events</c>
    /// (<see cref="BusRoutingKey"/>), or the bundle's own key for a kind the server has no key for.
    /// </summary>
    public override string RoutingKey => IsBundleRecord ? BusRoutingKey ?? Message.RoutingKey : Message.RoutingKey;

    /// <summary>
    /// The routing key the server publishes this kind of event under on <c>api.events</c>: the forwarder's
    /// <see cref="ForwarderType"/> except <c>ingress.event.process</c> for a process start (the forwarder writes
    /// <c>procstart</c>) and <c>ingress.event.processblock</c> for a block (<c>processblocked</c>); null for
    /// <see cref="CbRawEventKind.Other"/>.
    /// </summary>
    public string? BusRoutingKey => Kind switch
    {
        CbRawEventKind.Other => null,
        CbRawEventKind.Process when ForwarderType == "ingress.event.procstart" => "ingress.event.process",
        CbRawEventKind.ProcessBlocked => "ingress.event.processblock",
        _ => ForwarderType,
    };

    /// <summary>The decoded protobuf message, every field as sent (unknown fields kept by Google.Protobuf).</summary>
    public CbEventMsg Raw { get; }

    /// <summary>The sensor it came from.</summary>
    public CbSensorEnvironment Sensor { get; }

    /// <summary>Which sub-message is set.</summary>
    public abstract CbRawEventKind Kind { get; }

    /// <summary>The forwarder's <c>type</c>, for example <c>ingress.event.procstart</c> (not always the routing key).</summary>
    public abstract string ForwarderType { get; }

    /// <summary>The forwarder's <c>event_type</c>, for example <c>proc</c>.</summary>
    public abstract string EventType { get; }

    /// <summary>The sensor id, 0 when unknown.</summary>
    public int SensorId => Sensor.SensorId ?? 0;

    /// <summary>The sensor's host name, "" when unknown.</summary>
    public string ComputerName => Sensor.ComputerName;

    /// <summary>When it happened (<c>header.timestamp</c>, a FILETIME); null when not set.</summary>
    public DateTimeOffset? Timestamp => ForwarderFormat.ToDateTime(Raw.Header.Timestamp);

    /// <summary>The forwarder's <c>timestamp</c>: whole Unix seconds of <c>header.timestamp</c>.</summary>
    public ulong UnixTimestamp => ForwarderFormat.UnixSeconds(Raw.Header.Timestamp);

    /// <summary>The acting process's pid (<c>header.process_pid</c>).</summary>
    public int Pid => Raw.Header.ProcessPid;

    /// <summary>The acting process's image path (<c>header.process_path</c>).</summary>
    public string ProcessPath => Raw.Header.ProcessPath;

    /// <summary>The acting process's MD5, upper-case hex ("" when not sent).</summary>
    public string ProcessMd5 => ForwarderFormat.Hex(Raw.Header.ProcessMd5);

    /// <summary>The acting process's SHA-256, upper-case hex ("" when not sent).</summary>
    public string ProcessSha256 => ForwarderFormat.Hex(Raw.Header.ProcessSha256);

    /// <summary>
    /// The acting process's GUID (the REST API's process id, without segment) from the sensor id, pid and creation
    /// time; when one of them is not known, the decimal text of the deprecated <c>header.process_guid</c>.
    /// </summary>
    public string ProcessGuid =>
        Sensor.SensorId is { } sensor && Raw.Header.HasProcessPid && Raw.Header.HasProcessCreateTime
            ? ForwarderFormat.ProcessGuid(sensor, Raw.Header.ProcessPid, Raw.Header.ProcessCreateTime)
            : Raw.Header.ProcessGuid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <c>strings[]</c> entry for <c>header.filepath_string_guid</c>: the path the event is about ("" if none).</summary>
    public string EventPath => StringFor(Raw.Header.FilepathStringGuid);

    /// <summary>The text of the <c>strings[]</c> entry whose <c>guid</c> is <paramref name="key"/>, "" when there is none.</summary>
    protected string StringFor(long key)
    {
        foreach (var entry in Raw.Strings)
            if (entry.Guid == key)
                return ForwarderFormat.Text(entry.Utf8String);
        return "";
    }

    /// <summary>The server's console URL ending in <c>/</c>, or null when links are not written.</summary>
    protected string? ServerUrl => _options.ServerUrlText;

    /// <summary>A console link (<c>{url}#analyze/{guid}/{segment}</c>), or null without a server URL.</summary>
    protected string? AnalyzeLink(string processGuid, int segment) =>
        ServerUrl is { } url ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{url}#analyze/{processGuid}/{segment}") : null;

    /// <summary>Whether the acting process's hashes (<c>sha256</c>, <c>md5</c>) are written after the kind's own keys.</summary>
    protected virtual bool WritesProcessHashes => false;

    /// <summary>Whether the acting-process keys (pid, process_guid, links, process_path) are written.</summary>
    protected virtual bool WritesProcess => true;

    /// <summary>Writes the kind's own keys, in the forwarder's order.</summary>
    protected abstract void WriteEventFields(Utf8JsonWriter writer);

    /// <summary>The forwarder's JSON for this event: one object.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            WriteJson(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the forwarder's JSON object for this event to <paramref name="writer"/>.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteEventFields(writer);
        if (WritesProcessHashes)
        {
            WriteIfNotEmpty(writer, "sha256", ProcessSha256);
            WriteIfNotEmpty(writer, "md5", ProcessMd5);
        }
        if (WritesProcess)
        {
            if (Raw.Header.ForkPid != 0)
                writer.WriteNumber("fork_pid", Raw.Header.ForkPid);
            if (Pid != 0)
                writer.WriteNumber("pid", Pid);
            var guid = ProcessGuid;
            WriteIfNotEmpty(writer, "process_guid", guid);
            WriteIfNotEmpty(writer, "link_process", AnalyzeLink(guid, 0));
            if (ServerUrl is { } url)
                writer.WriteString("link_sensor", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{url}#/host/{SensorId}"));
            WriteIfNotEmpty(writer, "process_path", ProcessPath);
        }
        WriteIfNotEmpty(writer, "cb_server", _options.ServerName);
        writer.WriteString("type", ForwarderType);
        writer.WriteNumber("sensor_id", SensorId);
        writer.WriteString("computer_name", ComputerName);
        writer.WriteString("event_type", EventType);
        writer.WriteNumber("timestamp", UnixTimestamp);
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="value"/> unless it is null or empty (Go's <c>omitempty</c>).</summary>
    protected static void WriteIfNotEmpty(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!string.IsNullOrEmpty(value))
            writer.WriteString(name, value);
    }

    /// <summary>The forwarder's text for an enum number it has no name for.</summary>
    protected static string UnknownName(int value) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"unknown ({value})");
}
