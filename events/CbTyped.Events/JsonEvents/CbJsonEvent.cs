using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A JSON event from the bus (content type <c>application/json</c>). <see cref="Json"/> is the whole body; the typed
/// events (<see cref="CbJsonEvent{TBody}"/>) read it into a model generated from a spec file, and every field the
/// spec does not declare is in <see cref="UnknownFields"/>, so nothing the server adds is lost. Events of a family the decoder has no type for
/// (<c>feed.synchronized</c>, <c>cmd.*</c>, <c>events.partition.*</c>, <c>task.error.logged</c>) are this type.
/// </summary>
public class CbJsonEvent : CbBusEvent
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HashSet<string> NoTypedFields = new(StringComparer.Ordinal) { "event_timestamp" };
    private Dictionary<string, JsonElement>? _unknown;

    /// <summary>Wraps <paramref name="json"/>, the body of <paramref name="message"/> (an object).</summary>
    public CbJsonEvent(CbBusMessage message, JsonElement json) : base(message)
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("A JSON event is an object.", nameof(json));
        Json = json;
    }

    /// <summary>The whole body.</summary>
    public JsonElement Json { get; }

    /// <summary>When the server published it (<c>event_timestamp</c>, epoch seconds).</summary>
    public DateTimeOffset? EventTimestamp => JsonFields.EpochSeconds(Json, "event_timestamp");

    /// <summary>The body's fields this type reads into properties (the rest are <see cref="UnknownFields"/>).</summary>
    protected virtual IReadOnlySet<string> TypedFields => NoTypedFields;

    /// <summary>The body's fields no property of this type reads, as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> UnknownFields => _unknown ??= FindUnknown();

    private Dictionary<string, JsonElement> FindUnknown()
    {
        var unknown = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var typed = TypedFields;
        foreach (var property in Json.EnumerateObject())
            if (!typed.Contains(property.Name))
                unknown[property.Name] = property.Value;
        return unknown;
    }

    /// <summary>
    /// Attaches the event's models to <paramref name="client"/>, so their joins (<c>GetSensorAsync()</c>, ...) load the
    /// REST models through it. Events without a model ignore it.
    /// </summary>
    public virtual void Attach(ICbModelSession? client)
    {
    }

    /// <summary>The event as one JSON object: a typed event's body through its generated writer (members as sent,
    /// unknown ones included); for other events <c>event_timestamp</c> as epoch seconds, then the other fields as
    /// sent.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            WriteJson(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes <see cref="ToJson"/>'s object to <paramref name="writer"/>.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteObject(writer);
    }

    /// <summary>Writes the event's object (see <see cref="ToJson"/>).</summary>
    protected virtual void WriteObject(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        JsonOut.WriteEpoch(writer, "event_timestamp", EventTimestamp);
        foreach (var (name, value) in UnknownFields)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
        writer.WriteEndObject();
    }
}
