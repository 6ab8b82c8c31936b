using System.Buffers;
using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>Builds small JSON request bodies for hand-written endpoints (bulk updates, actions) without reflection.</summary>
internal static class JsonBody
{
    public static ReadOnlyMemory<byte> Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, CbJson.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
