using CbTyped.Events.Protobuf;
using Google.Protobuf;

namespace CbTyped.Events.Decoding;

/// <summary>Parses one <c>CbEventMsg</c> and checks what proto2 requires (<c>header</c>, <c>header.version</c>),
/// which Google.Protobuf's C# parser does not.</summary>
internal static class ProtobufEventReader
{
    public static CbEventMsg Parse(CbBusMessage message, ReadOnlySpan<byte> bytes, string what)
    {
        CbEventMsg parsed;
        try
        {
            parsed = CbEventMsg.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new CbEventDecodeException(message, $"{what} is not a CbEventMsg ({e.Message})", e);
        }
        if (parsed.Header is null || !parsed.Header.HasVersion)
            throw new CbEventDecodeException(message, $"{what} has no {(parsed.Header is null ? "header" : "header.version")}, which the schema requires");
        return parsed;
    }
}
