using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>Script content seen by AMSI (<c>CbScriptExecute</c>; <c>ingress.event.filelessscriptload</c>, EDR 7.2+).</summary>
public sealed class CbScriptExecuteEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>scriptexe</c> is set.</summary>
    public CbScriptExecuteEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.ScriptExecute;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.filelessscriptload";

    /// <inheritdoc />
    public override string EventType => "filelessscriptload";

    /// <inheritdoc />
    protected override bool WritesProcessHashes => true;

    /// <summary>The script's text.</summary>
    public string Script => Raw.Scriptexe.Script;

    /// <summary>The script's SHA-256 as the sensor sent it.</summary>
    public string ScriptSha256 => Raw.Scriptexe.Sha256;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteString("script_sha256", ScriptSha256);
        writer.WriteString("script", Script);
    }
}
