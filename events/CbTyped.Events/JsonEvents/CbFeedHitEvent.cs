using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A threat-intelligence feed's IOC matched (<c>feed.ingress.hit.*</c>, <c>feed.storage.hit.*</c>,
/// <c>feed.query.hit.*</c>, and the <c>feed.&lt;feed id&gt;.*</c> forms of 5.2+ servers).
/// </summary>
public sealed class CbFeedHitEvent : CbJsonEvent
{
    private static readonly HashSet<string> Typed = Fields("feed_id", "feed_name", "report_id", "report_score", "ioc_type",
        "ioc_value", "ioc_attr", "sensor_id", "hostname", "group", "os_type", "process_id", "segment_id", "md5", "docs", "server_name", "cb_version");

    /// <summary>Reads <paramref name="json"/>.</summary>
    public CbFeedHitEvent(CbBusMessage message, JsonElement json) : base(message, json)
        => Documents = JsonEventDocuments.Read(json);

    /// <inheritdoc />
    protected override IReadOnlySet<string> TypedFields => Typed;

    /// <summary>When the IOC matched: <c>ingress</c>, <c>storage</c> or <c>query</c> (from the routing key).</summary>
    public string? HitStage => RoutingKey.Split('.') is var parts && parts.Length >= 4 ? parts[^3] : null;

    /// <summary>The feed's id (the REST API's feed id).</summary>
    public long? FeedId => JsonFields.Int64(Json, "feed_id");

    /// <summary>The feed's name.</summary>
    public string? FeedName => JsonFields.String(Json, "feed_name");

    /// <summary>The report (IOC set) id within the feed.</summary>
    public string? ReportId => JsonFields.String(Json, "report_id");

    /// <summary>The report's score.</summary>
    public long? ReportScore => JsonFields.Int64(Json, "report_score");

    /// <summary><c>md5</c>, <c>dns</c>, <c>ipv4</c> or <c>query</c>.</summary>
    public string? IocType => JsonFields.String(Json, "ioc_type");

    /// <summary>The IOC (for <c>query</c>, a JSON text of the index type and query).</summary>
    public string? IocValue => JsonFields.String(Json, "ioc_value");

    /// <summary>Details of the match (network hits: addresses, ports, direction), as sent.</summary>
    public JsonElement? IocAttributes => JsonFields.Element(Json, "ioc_attr");

    /// <summary>The sensor.</summary>
    public long? SensorId => JsonFields.Int64(Json, "sensor_id");

    /// <summary>The sensor's host name.</summary>
    public string? Hostname => JsonFields.String(Json, "hostname");

    /// <summary>The sensor's group.</summary>
    public string? Group => JsonFields.String(Json, "group");

    /// <summary>Process hits: the process GUID.</summary>
    public string? ProcessId => JsonFields.String(Json, "process_id");

    /// <summary>Process hits: the segment, when sent.</summary>
    public long? SegmentId => JsonFields.Int64(Json, "segment_id");

    /// <summary>Binary hits: the MD5, upper case.</summary>
    public string? Md5 => JsonFields.String(Json, "md5")?.ToUpperInvariant();

    /// <summary>Storage and query hits: the matching documents.</summary>
    public IReadOnlyList<CbHitDocument> Documents { get; }

    /// <inheritdoc />
    protected override void WriteTypedFields(Utf8JsonWriter writer)
    {
        base.WriteTypedFields(writer);
        JsonOut.Write(writer, "feed_id", FeedId);
        JsonOut.Write(writer, "feed_name", FeedName);
        JsonOut.Write(writer, "report_id", ReportId);
        JsonOut.Write(writer, "report_score", ReportScore);
        JsonOut.Write(writer, "ioc_type", IocType);
        JsonOut.Write(writer, "ioc_value", IocValue);
        JsonOut.Write(writer, "ioc_attr", IocAttributes);
        JsonOut.Write(writer, "sensor_id", SensorId);
        JsonOut.Write(writer, "hostname", Hostname);
        JsonOut.Write(writer, "group", Group);
        JsonOut.Write(writer, "os_type", JsonFields.String(Json, "os_type"));
        JsonOut.Write(writer, "process_id", ProcessId);
        JsonOut.Write(writer, "segment_id", SegmentId);
        JsonOut.Write(writer, "md5", Md5);
        JsonOut.Write(writer, "server_name", JsonFields.String(Json, "server_name"));
        JsonOut.Write(writer, "cb_version", JsonFields.String(Json, "cb_version"));
        JsonEventDocuments.Write(writer, Documents);
    }
}
