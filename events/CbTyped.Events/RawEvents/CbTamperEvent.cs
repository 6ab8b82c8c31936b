using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>A sensor tamper alert (<c>CbTamperAlertMsg</c>; <c>ingress.event.tamper</c>).</summary>
public sealed class CbTamperEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>tamperAlert</c> is set.</summary>
    public CbTamperEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.Tamper;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.tamper";

    /// <inheritdoc />
    public override string EventType => "tamper";

    /// <inheritdoc />
    protected override bool WritesProcess => false;

    /// <summary>The alert's name without <c>Alert</c>; <c>CoreDriverUnloaded</c> when not sent.</summary>
    public string TamperType => (int)Raw.TamperAlert.Type switch
    {
        1 => "CoreDriverUnloaded",
        2 => "NetworkDriverUnloaded",
        3 => "CbServiceStopped",
        4 => "CbProcessTerminated",
        5 => "CbCodeInjection",
        var other => UnknownName(other),
    };

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer) => writer.WriteString("tamper_type", TamperType);
}
