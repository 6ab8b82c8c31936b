using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>A module (DLL or EXE) loaded (<c>CbModuleLoadMsg</c>; <c>ingress.event.moduleload</c>).</summary>
public sealed class CbModuleLoadEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>modload</c> is set.</summary>
    public CbModuleLoadEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.ModuleLoad;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.moduleload";

    /// <inheritdoc />
    public override string EventType => "modload";

    /// <summary>The module's path.</summary>
    public string Path => EventPath;

    /// <summary>The module's MD5 (upper-case hex); the acting process's when the message has none.</summary>
    public string Md5 => Raw.Modload.HasMd5Hash ? ForwarderFormat.Hex(Raw.Modload.Md5Hash) : ProcessMd5;

    /// <summary>The module's SHA-256, like <see cref="Md5"/>.</summary>
    public string Sha256 => Raw.Modload.HasSha256Hash ? ForwarderFormat.Hex(Raw.Modload.Sha256Hash) : ProcessSha256;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteString("path", Path);
        writer.WriteString("md5", Md5);
        writer.WriteString("sha256", Sha256);
        writer.WriteString("command_line", "");
    }
}
