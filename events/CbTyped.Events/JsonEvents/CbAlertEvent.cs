using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// An alert was raised (<c>alert.watchlist.hit.query.process</c>, <c>.binary</c>, <c>alert.watchlist.hit.ingress.*</c>).
/// The server sends every value as text; the properties are typed.
/// </summary>
public sealed class CbAlertEvent : CbJsonEvent
{
    private static readonly HashSet<string> Typed = Fields("unique_id", "alert_type", "status", "created_time", "alert_severity",
        "watchlist_id", "watchlist_name", "feed_id", "feed_name", "report_score", "md5", "process_id", "process_name",
        "process_path", "sensor_id", "hostname", "username", "segment_id", "ioc_type", "ioc_confidence");

    /// <summary>Reads <paramref name="json"/>.</summary>
    public CbAlertEvent(CbBusMessage message, JsonElement json) : base(message, json) { }

    /// <inheritdoc />
    protected override IReadOnlySet<string> TypedFields => Typed;

    /// <summary>The alert's id (the REST API's alert id).</summary>
    public string? UniqueId => JsonFields.String(Json, "unique_id");

    /// <summary>The routing key without <c>alert.</c>, for example <c>watchlist.hit.query.process</c>.</summary>
    public string? AlertType => JsonFields.String(Json, "alert_type");

    /// <summary>The alert's status (<c>Unresolved</c> when raised).</summary>
    public string? Status => JsonFields.String(Json, "status");

    /// <summary>When the alert was created.</summary>
    public DateTimeOffset? CreatedTime => JsonFields.Time(Json, "created_time");

    /// <summary>The severity score.</summary>
    public double? AlertSeverity => JsonFields.Double(Json, "alert_severity");

    /// <summary>The watchlist that raised it.</summary>
    public long? WatchlistId => JsonFields.Int64(Json, "watchlist_id");

    /// <summary>The watchlist's name.</summary>
    public string? WatchlistName => JsonFields.String(Json, "watchlist_name");

    /// <summary>The (pseudo-)feed the watchlist stands for.</summary>
    public long? FeedId => JsonFields.Int64(Json, "feed_id");

    /// <summary>The feed's name.</summary>
    public string? FeedName => JsonFields.String(Json, "feed_name");

    /// <summary>The report's score.</summary>
    public long? ReportScore => JsonFields.Int64(Json, "report_score");

    /// <summary>The process's or binary's MD5, upper-cased (process alerts send lower case).</summary>
    public string? Md5 => JsonFields.String(Json, "md5")?.ToUpperInvariant();

    /// <summary>Process alerts: the process GUID.</summary>
    public string? ProcessId => JsonFields.String(Json, "process_id");

    /// <summary>Process alerts: the segment.</summary>
    public long? SegmentId => JsonFields.Int64(Json, "segment_id");

    /// <summary>Process alerts: the image name.</summary>
    public string? ProcessName => JsonFields.String(Json, "process_name");

    /// <summary>Process alerts: the image path.</summary>
    public string? ProcessPath => JsonFields.String(Json, "process_path");

    /// <summary>Process alerts: the sensor.</summary>
    public long? SensorId => JsonFields.Int64(Json, "sensor_id");

    /// <summary>The host name.</summary>
    public string? Hostname => JsonFields.String(Json, "hostname");

    /// <summary>Process alerts: the user.</summary>
    public string? Username => JsonFields.String(Json, "username");

    /// <inheritdoc />
    protected override void WriteTypedFields(Utf8JsonWriter writer)
    {
        base.WriteTypedFields(writer);
        JsonOut.Write(writer, "unique_id", UniqueId);
        JsonOut.Write(writer, "alert_type", AlertType);
        JsonOut.Write(writer, "status", Status);
        JsonOut.Write(writer, "created_time", CreatedTime);
        JsonOut.Write(writer, "alert_severity", AlertSeverity);
        JsonOut.Write(writer, "watchlist_id", WatchlistId);
        JsonOut.Write(writer, "watchlist_name", WatchlistName);
        JsonOut.Write(writer, "feed_id", FeedId);
        JsonOut.Write(writer, "feed_name", FeedName);
        JsonOut.Write(writer, "report_score", ReportScore);
        JsonOut.Write(writer, "md5", Md5);
        JsonOut.Write(writer, "process_id", ProcessId);
        JsonOut.Write(writer, "segment_id", SegmentId);
        JsonOut.Write(writer, "process_name", ProcessName);
        JsonOut.Write(writer, "process_path", ProcessPath);
        JsonOut.Write(writer, "sensor_id", SensorId);
        JsonOut.Write(writer, "hostname", Hostname);
        JsonOut.Write(writer, "username", Username);
        JsonOut.Write(writer, "ioc_type", JsonFields.String(Json, "ioc_type"));
        JsonOut.Write(writer, "ioc_confidence", JsonFields.Double(Json, "ioc_confidence"));
    }
}
