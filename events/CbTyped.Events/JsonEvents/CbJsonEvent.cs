using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A JSON event from the bus (content type <c>application/json</c>). <see cref="Json"/> is the whole body; derived
/// types read the fields they know into typed properties, and every field they do not know is in
/// <see cref="UnknownFields"/>, so nothing the server adds is lost. Events of a family the decoder has no type for
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

    /// <summary>Writes the typed properties under their wire names, with their typed values.</summary>
    protected virtual void WriteTypedFields(Utf8JsonWriter writer) => JsonOut.WriteEpoch(writer, "event_timestamp", EventTimestamp);

    /// <summary>The typed event as one JSON object: the typed fields (numbers as numbers, times as ISO-8601 UTC),
    /// then the unknown fields as sent.</summary>
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
        writer.WriteStartObject();
        WriteTypedFields(writer);
        foreach (var (name, value) in UnknownFields)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    /// <summary>A set of field names for <see cref="TypedFields"/>.</summary>
    protected static HashSet<string> Fields(params string[] names) => new(names.Append("event_timestamp"), StringComparer.Ordinal);
}
