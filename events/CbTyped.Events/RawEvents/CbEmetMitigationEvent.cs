using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>An EMET mitigation fired (<c>CbEmetMitigationMsg</c>; <c>ingress.event.emetmitigation</c>).</summary>
public sealed class CbEmetMitigationEvent : CbRawSensorEvent
{
    private static readonly string[] MitigationNames =
    [
        "Dep", "Sehop", "Asr", "Aslr", "NullPage", "HeapSpray", "MandatoryAslr", "Eaf", "EafPlus", "BottomUpAslr",
        "LoadLibrary", "MemoryProtection", "SimulateExecFlow", "StackPivot", "CallerChecks", "BannedFunctions",
        "DeepHooks", "AntiDetours",
    ];

    /// <summary>Reads <paramref name="raw"/>, whose <c>emet</c> is set.</summary>
    public CbEmetMitigationEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.EmetMitigation;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.emetmitigation";

    /// <inheritdoc />
    public override string EventType => "emet_mitigation";

    /// <inheritdoc />
    protected override bool WritesProcessHashes => true;

    /// <summary>The mitigation's name without <c>action</c> (<c>Dep</c>, <c>Aslr</c>, ...); <c>Dep</c> when not sent.</summary>
    public string Mitigation => (int)(Raw.Emet.Action?.MitigationType ?? CbEmetMitigationAction.Types.CbEmetMitigationTypes.ActionDep) is var n && n is >= 1 and <= 18
        ? MitigationNames[n - 1]
        : UnknownName(n);

    /// <summary>The EMET log text.</summary>
    public string LogMessage => Raw.Emet.ActionText;

    /// <summary>True when EMET blocked the action.</summary>
    public bool Blocked => Raw.Emet.Blocked;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteString("log_message", LogMessage);
        writer.WriteString("mitigation", Mitigation);
        writer.WriteBoolean("blocked", Blocked);
        writer.WriteNumber("emet_timestamp", Raw.Emet.EmetTimstamp);
        writer.WriteNumber("log_id", Raw.Emet.EmetId);
    }
}
