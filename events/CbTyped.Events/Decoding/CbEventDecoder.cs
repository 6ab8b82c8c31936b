using System.Text.Json;
using CbTyped.Events.JsonEvents;


namespace CbTyped.Events.Decoding;

/// <summary>
/// Decodes what a Cb Response server publishes: <c>application/json</c> events into <see cref="CbJsonEvent"/>s
/// (watchlist and feed hits, alerts, binaries observed and stored), <c>application/protobuf</c> raw sensor events
/// into <see cref="RawEvents.CbRawSensorEvent"/>s, and zip or bare bundles of raw events (<c>application/zip</c>, or
/// protobuf from <c>api.rawsensordata</c>) into one event per record. Reflection-free; safe to share between threads.
/// </summary>
/// <remarks>
/// A routing key the server is not known to publish, or a content type other than those three, yields a
/// <see cref="CbUnknownEvent"/>. A body that does not decode — bad JSON, a truncated or invalid protobuf, a corrupt
/// zip, a content type that contradicts the routing key, a size over a limit of <see cref="CbEventDecoderOptions"/> —
/// throws <see cref="CbEventDecodeException"/> naming the routing key.
/// </remarks>
public sealed class CbEventDecoder : ICbEventDecoder
{
    /// <summary>The exchange on which the server publishes raw bundles.</summary>
    public const string RawSensorDataExchange = "api.rawsensordata";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    /// <summary>A decoder with <see cref="CbEventDecoderOptions.Default"/>.</summary>
    public static CbEventDecoder Default { get; } = new(CbEventDecoderOptions.Default);

    /// <summary>Creates a decoder with <paramref name="options"/>.</summary>
    public CbEventDecoder(CbEventDecoderOptions? options = null) => Options = options ?? CbEventDecoderOptions.Default;

    /// <summary>The limits and rendering options.</summary>
    public CbEventDecoderOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<CbBusEvent> Decode(CbBusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return MediaType(message.ContentType) switch
        {
            "application/json" => [DecodeJson(message, Options.Client)],
            "application/zip" => DecodeBundle(message),
            "application/protobuf" when message.Exchange == RawSensorDataExchange => DecodeBundle(message),
            "application/protobuf" => [DecodeProtobuf(message)],
            _ => [new CbUnknownEvent(message)],
        };
    }

    /// <summary>Decodes one serialized <c>CbEventMsg</c> (an <c>ingress.event.*</c> message).</summary>
    public RawEvents.CbRawSensorEvent DecodeProtobuf(CbBusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (JsonRoutingKeys.IsJsonFamily(message.RoutingKey))
            throw new CbEventDecodeException(message, "the routing key names a JSON event, the content type says protobuf");
        var raw = ProtobufEventReader.Parse(message, message.Body.Span, "the body");
        return RawEventFactory.Create(message, raw, RawEventFactory.FromHeaders(message.Headers), Options);
    }

    /// <summary>Decodes a zip or bare bundle: one event per record, in order.</summary>
    public IReadOnlyList<CbBusEvent> DecodeBundle(CbBusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sensor = RawEventFactory.FromHeaders(message.Headers);
        var records = BundleReader.Read(message, Options);
        var events = new CbBusEvent[records.Count];
        for (var i = 0; i < events.Length; i++)
            events[i] = RawEventFactory.Create(message, records[i], sensor, Options, bundleRecord: true);
        return events;
    }

    /// <summary>Decodes a JSON event body. A JSON body on an <c>ingress.event.*</c> key is a raw event the forwarder
    /// already rendered (its file or HTTP output): a <see cref="CbJsonEvent"/>.</summary>
    public static CbBusEvent DecodeJson(CbBusMessage message) => DecodeJson(message, client: null);

    /// <summary>Decodes a JSON event body; the typed event's models are attached to <paramref name="client"/>, so
    /// their joins load the REST models through it (null: attach later with <see cref="CbJsonEvent.Attach"/>).</summary>
    public static CbBusEvent DecodeJson(CbBusMessage message, CbTyped.Modeling.ICbModelSession? client)
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(message.Body, JsonOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CbEventDecodeException(message, $"not JSON ({e.Message})", e);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new CbEventDecodeException(message, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        return JsonRoutingKeys.Create(message, root, client);
    }

    private static string MediaType(string? contentType)
    {
        if (contentType is null)
            return "";
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }
}
