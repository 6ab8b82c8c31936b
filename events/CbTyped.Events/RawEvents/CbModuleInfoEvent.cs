using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>Binary (PE) information about a module the server saw for the first time (<c>CbModuleInfoMsg</c>;
/// <c>ingress.event.module</c>).</summary>
public sealed class CbModuleInfoEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>module</c> is set.</summary>
    public CbModuleInfoEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    private CbModuleInfoMsg Module => Raw.Module;

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.ModuleInfo;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.module";

    /// <inheritdoc />
    public override string EventType => "binary_info";

    /// <inheritdoc />
    protected override bool WritesProcess => false;

    /// <summary>The binary's MD5: the schema carries it as hex text; upper-cased.</summary>
    public string Md5 => ForwarderFormat.HexText(Module.Md5);

    /// <summary>The binary's SHA-256, like <see cref="Md5"/>.</summary>
    public string Sha256 => ForwarderFormat.HexText(Module.Sha256);

    /// <summary>The file size.</summary>
    public ulong Size => Module.OriginalModuleLength;

    /// <summary>The signature status text (<c>Signed</c>, <c>Unsigned</c>, ...).</summary>
    public string DigSigResult => Module.Utf8DigSigResult;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("digsig");
        writer.WriteString("result", Module.Utf8DigSigResult);
        writer.WriteString("publisher", Module.Utf8DigSigPublisher);
        writer.WriteString("program_name", Module.Utf8DigSigProgramName);
        writer.WriteString("issuer_name", Module.Utf8DigSigIssuerName);
        writer.WriteString("result_code", Module.Utf8DigSigResultCode);
        writer.WriteString("subject_name", Module.Utf8DigSigSubjectName);
        writer.WriteString("sign_time", Module.Utf8DigSigSignTime);
        writer.WriteEndObject();
        writer.WriteNumber("utf_8_copied_module_length", Module.CopiedModuleLength);
        writer.WriteString("utf_8_file_dscription", Module.Utf8FileDescription); // sic
        writer.WriteString("utf_8_company_name", Module.Utf8CompanyName);
        writer.WriteString("utf_8_comments", Module.Utf8Comments);
        writer.WriteString("utf_8_file_version", Module.Utf8FileVersion);
        writer.WriteString("utf_8_legal_copyright", Module.Utf8LegalCopyright);
        writer.WriteString("utf_8_legal_trademark", Module.Utf8LegalTrademark);
        writer.WriteString("utf_8_internal_name", Module.Utf8InternalName);
        writer.WriteString("utf_8_product_name", Module.Utf8ProductName);
        writer.WriteString("utf_8_original_file_name", Module.Utf8OriginalFileName);
        writer.WriteString("utf_8_product_description", Module.Utf8ProductDescription);
        writer.WriteString("utf_8_product_version", Module.Utf8ProductVersion);
        writer.WriteString("utf_8_special_build", Module.Utf8SpecialBuild);
        WriteBytes(writer, "image_file_header", Module.HasImageFileHeader, Module.ImageFileHeader);
        writer.WriteString("utf_8_on_disk_filename", Module.Utf8OnDiskFilename);
        WriteBytes(writer, "icon", Module.HasIcon, Module.Icon);
        writer.WriteString("utf_8_private_build", Module.Utf8PrivateBuild);
        writer.WriteNumber("size", Size);
        writer.WriteString("sha256", Sha256);
        writer.WriteString("md5", Md5);
    }

    private static void WriteBytes(Utf8JsonWriter writer, string name, bool present, Google.Protobuf.ByteString bytes)
    {
        if (present)
            writer.WriteBase64String(name, bytes.Span);
        else
            writer.WriteNull(name);
    }
}
