using System.Text;
using System.Text.Json;

namespace CbTyped.Events.Sources;

/// <summary>
/// Reads the event forwarder's JSON output: each event is one JSON object whose <c>type</c> names it (the bus
/// routing key, except that the forwarder writes <c>feed.&lt;rest&gt;</c> without the feed id and
/// <c>ingress.event.procstart</c> for a process start).
/// </summary>
internal static class ForwarderJson
{
    public const string ContentType = "application/json";

    /// <summary>
    /// Checks that <paramref name="json"/> is exactly one well-formed JSON object with a non-empty string
    /// <c>type</c> at its top level, and returns that type; otherwise null and why.
    /// </summary>
    public static string? ReadType(ReadOnlySpan<byte> json, out string? error)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        string? type = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "not a JSON object";
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                    type = reader.GetString();
                else
                    reader.Skip();
            }
            if (reader.Read())
            {
                error = "more than one JSON value";
                return null;
            }
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + e.Message;
            return null;
        }
        if (string.IsNullOrEmpty(type))
        {
            error = "no string 'type' field to route it by";
            return null;
        }
        if (type.Length > 255 || Encoding.UTF8.GetByteCount(type) > 255)
        {
            error = "a 'type' longer than a routing key may be (255 bytes)";
            return null;
        }
        error = null;
        return type;
    }

    /// <summary>
    /// Splits the body of one forwarder HTTP POST into its events. The forwarder's default template wraps them as
    /// <c>{"filename": …, "service": "carbonblack", "alerts": [event, event, …]}</c>; other templates send a bare
    /// array, one event object, or events one after another (JSON lines). An object with an array property named
    /// <paramref name="eventsProperty"/> (and no <c>type</c>) is a wrapper; any other object is an event.
    /// </summary>
    /// <exception cref="JsonException">The body is not well-formed JSON.</exception>
    public static List<ReadOnlyMemory<byte>> SplitPost(ReadOnlyMemory<byte> body, string eventsProperty)
    {
        var events = new List<ReadOnlyMemory<byte>>();
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 });
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    AddElements(ref reader, body, events);
                    break;
                case JsonTokenType.StartObject:
                    reader.Skip();
                    var value = body[start..(int)reader.BytesConsumed];
                    if (WrappedEvents(value, eventsProperty) is { } wrapped)
                        events.AddRange(wrapped);
                    else
                        events.Add(value);
                    break;
                default:
                    events.Add(body[start..(int)reader.BytesConsumed]); // not an object: reported as a bad event
                    break;
            }
        }
        return events;
    }

    /// <summary>The elements of the array the reader is at the start of; the reader ends on its end.</summary>
    private static void AddElements(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, List<ReadOnlyMemory<byte>> into)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            into.Add(body[start..(int)reader.BytesConsumed]);
        }
    }

    private static List<ReadOnlyMemory<byte>>? WrappedEvents(ReadOnlyMemory<byte> value, string eventsProperty)
    {
        var reader = new Utf8JsonReader(value.Span, new JsonReaderOptions { MaxDepth = 256 });
        reader.Read();
        List<ReadOnlyMemory<byte>>? events = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
                return null;
            var isEvents = reader.ValueTextEquals(eventsProperty);
            reader.Read();
            if (isEvents && reader.TokenType == JsonTokenType.StartArray && events is null)
            {
                events = [];
                AddElements(ref reader, value, events);
            }
            else
            {
                reader.Skip();
            }
        }
        return events;
    }
}
