using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>A registry key or value created, written or deleted (<c>CbRegModMsg</c>; <c>ingress.event.regmod</c>).</summary>
public sealed class CbRegModEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>regmod</c> is set.</summary>
    public CbRegModEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.RegMod;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.regmod";

    /// <inheritdoc />
    public override string EventType => "regmod";

    /// <inheritdoc />
    protected override bool WritesProcessHashes => true;

    /// <summary>The kernel-style registry path (<c>\registry\machine\...</c>).</summary>
    public string Path => ForwarderFormat.Text(Raw.Regmod.Utf8Regpath);

    /// <summary>The action number (1 create key, 2 write value, 4 delete key, 8 delete value).</summary>
    public int ActionType => (int)Raw.Regmod.Action;

    /// <summary>The forwarder's name: <c>createkey</c>, <c>writeval</c>, <c>delkey</c>, <c>delval</c>, else <c>unknown (n)</c>.</summary>
    public string Action => ActionType switch
    {
        1 => "createkey",
        2 => "writeval",
        4 => "delkey",
        8 => "delval",
        var other => UnknownName(other),
    };

    /// <summary>Possible tamper.</summary>
    public bool Tamper => Raw.Regmod.Tamper;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteString("path", Path);
        writer.WriteString("action", Action);
        writer.WriteNumber("action_type", ActionType);
        // The forwarder swaps the two flags; its JSON is reproduced as it is (the properties are the true values).
        writer.WriteBoolean("tamper", Raw.Regmod.TamperSent);
        writer.WriteBoolean("tamper_sent", Raw.Regmod.Tamper);
    }
}
