using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>
/// A raw event of a kind the forwarder does not render (statistics, VirusTotal, process metadata, blocked
/// netconns, file-backed scripts, or no sub-message at all). Kept so nothing is lost; its JSON is only the common
/// keys, with <c>type</c> = the routing key and <c>event_type</c> = the sub-message's name.
/// </summary>
public sealed class CbOtherSensorEvent : CbRawSensorEvent
{
    /// <summary>Wraps <paramref name="raw"/>.</summary>
    public CbOtherSensorEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.Other;

    /// <inheritdoc />
    public override string ForwarderType => Message.RoutingKey.Length > 0 ? Message.RoutingKey : "ingress.event.other";

    /// <inheritdoc />
    public override string EventType =>
        Raw.Stats is not null ? "stats"
        : Raw.Vtwrite is not null ? "vtwrite"
        : Raw.Vtload is not null ? "vtload"
        : Raw.ProcessMeta is not null ? "processMeta"
        : Raw.NetconnBlocked is not null ? "netconnBlocked"
        : Raw.NetconnBlockedv2 is not null ? "netconnBlockedv2"
        : Raw.InternalUse is not null ? "internalUse"
        : Raw.Fbscriptexe is not null ? "fbscriptexe"
        : "none";

    /// <inheritdoc />
    protected override bool WritesProcess => false;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer) { }
}
