using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>A binary file was stored on the server (<c>binarystore.file.added</c>).</summary>
public sealed class CbBinaryStoredEvent : CbJsonEvent
{
    private static readonly HashSet<string> Typed = Fields("md5", "size", "compressed_size", "file_path", "node_id");

    /// <summary>Reads <paramref name="json"/>.</summary>
    public CbBinaryStoredEvent(CbBusMessage message, JsonElement json) : base(message, json) { }

    /// <inheritdoc />
    protected override IReadOnlySet<string> TypedFields => Typed;

    /// <summary>The binary's MD5 (the REST API's binary id), upper case.</summary>
    public string? Md5 => JsonFields.String(Json, "md5")?.ToUpperInvariant();

    /// <summary>The file's size.</summary>
    public long? Size => JsonFields.Int64(Json, "size");

    /// <summary>The stored zip's size.</summary>
    public long? CompressedSize => JsonFields.Int64(Json, "compressed_size");

    /// <summary>Where the server stored it (a path on the server, not on this machine).</summary>
    public string? FilePath => JsonFields.String(Json, "file_path");

    /// <summary>The cluster node that stored it.</summary>
    public long? NodeId => JsonFields.Int64(Json, "node_id");

    /// <inheritdoc />
    protected override void WriteTypedFields(Utf8JsonWriter writer)
    {
        base.WriteTypedFields(writer);
        JsonOut.Write(writer, "md5", Md5);
        JsonOut.Write(writer, "size", Size);
        JsonOut.Write(writer, "compressed_size", CompressedSize);
        JsonOut.Write(writer, "file_path", FilePath);
        JsonOut.Write(writer, "node_id", NodeId);
    }
}
