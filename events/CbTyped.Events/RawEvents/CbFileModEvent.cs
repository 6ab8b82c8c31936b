using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>A file created, written, deleted or last written (<c>CbFileModMsg</c>; <c>ingress.event.filemod</c>).</summary>
public sealed class CbFileModEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>filemod</c> is set.</summary>
    public CbFileModEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    private CbFileModMsg FileMod => Raw.Filemod;

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.FileMod;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.filemod";

    /// <inheritdoc />
    public override string EventType => "filemod";

    /// <inheritdoc />
    protected override bool WritesProcessHashes => true;

    /// <summary>The file's path.</summary>
    public string Path => EventPath;

    /// <summary>The action number (1 create, 2 write, 4 delete, 8 last write, 16 open).</summary>
    public int ActionType => (int)FileMod.Action;

    /// <summary>The forwarder's name of the action: <c>create</c>, <c>write</c>, <c>delete</c>, <c>lastwrite</c>, else <c>unknown (n)</c>.</summary>
    public string Action => ActionType switch
    {
        1 => "create",
        2 => "write",
        4 => "delete",
        8 => "lastwrite",
        var other => UnknownName(other),
    };

    /// <summary>The detected file type number (0 when not sent).</summary>
    public int FileType => (int)FileMod.Type;

    /// <summary>The file type's name without <c>filetype</c> (<c>Pe</c>, <c>Pdf</c>, ...); <c>Unknown</c> when not sent.</summary>
    public string FileTypeName => FileType switch
    {
        0 => "Unknown",
        1 => "Pe",
        2 => "Elf",
        3 => "UniversalBin",
        8 => "Eicar",
        16 => "OfficeLegacy",
        17 => "OfficeOpenXml",
        48 => "Pdf",
        64 => "ArchivePkzip",
        65 => "ArchiveLzh",
        66 => "ArchiveLzw",
        67 => "ArchiveRar",
        68 => "ArchiveTar",
        69 => "Archive7zip",
        96 => "MsLnk",
        112 => "FlashFlv",
        113 => "FlashSwf",
        var other => UnknownName(other),
    };

    /// <summary>The written file's MD5 (upper-case hex), "" when not sent.</summary>
    public string FileMd5 => ForwarderFormat.Hex(FileMod.Md5Hash);

    /// <summary>The written file's SHA-256 (upper-case hex), "" when not sent.</summary>
    public string FileSha256 => ForwarderFormat.Hex(FileMod.Sha256Hash);

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        writer.WriteString("path", Path);
        writer.WriteBoolean("tamper_sent", FileMod.TamperSent);
        writer.WriteBoolean("tamper", FileMod.Tamper);
        WriteIfNotEmpty(writer, "file_sha256", FileSha256);
        WriteIfNotEmpty(writer, "file_md5", FileMd5);
        writer.WriteString("filetype_name", FileTypeName);
        writer.WriteNumber("action_type", ActionType);
        writer.WriteString("action", Action);
        writer.WriteNumber("file_type", FileType);
    }
}
