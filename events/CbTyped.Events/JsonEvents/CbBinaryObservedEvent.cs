using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A binary seen for the first time: anywhere (<c>binaryinfo.observed</c>), on a host
/// (<c>binaryinfo.host.observed</c>) or in a sensor group (<c>binaryinfo.group.observed</c>).
/// </summary>
public sealed class CbBinaryObservedEvent : CbJsonEvent
{
    private static readonly HashSet<string> Typed = Fields("md5", "hostname", "sensor_id", "group", "scores", "watchlists");

    /// <summary>Reads <paramref name="json"/>.</summary>
    public CbBinaryObservedEvent(CbBusMessage message, JsonElement json) : base(message, json) { }

    /// <inheritdoc />
    protected override IReadOnlySet<string> TypedFields => Typed;

    /// <summary>The binary's MD5 (the REST API's binary id), upper case.</summary>
    public string? Md5 => JsonFields.String(Json, "md5")?.ToUpperInvariant();

    /// <summary>Host events: the host name.</summary>
    public string? Hostname => JsonFields.String(Json, "hostname");

    /// <summary>Host events: the sensor.</summary>
    public long? SensorId => JsonFields.Int64(Json, "sensor_id");

    /// <summary>Group events: the sensor group's name.</summary>
    public string? Group => JsonFields.String(Json, "group");

    /// <summary>Feed scores (<c>alliance_score_&lt;feed&gt;</c> → score), as sent.</summary>
    public JsonElement? Scores => JsonFields.Element(Json, "scores");

    /// <summary>Watchlists that matched (<c>watchlist_&lt;id&gt;</c> → time), as sent.</summary>
    public JsonElement? Watchlists => JsonFields.Element(Json, "watchlists");

    /// <inheritdoc />
    protected override void WriteTypedFields(Utf8JsonWriter writer)
    {
        base.WriteTypedFields(writer);
        JsonOut.Write(writer, "md5", Md5);
        JsonOut.Write(writer, "hostname", Hostname);
        JsonOut.Write(writer, "sensor_id", SensorId);
        JsonOut.Write(writer, "group", Group);
        JsonOut.Write(writer, "scores", Scores);
        JsonOut.Write(writer, "watchlists", Watchlists);
    }
}
