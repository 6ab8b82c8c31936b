using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using Google.Protobuf;

namespace CbTyped.Events.Decoding;

/// <summary>
/// How the vendor's event forwarder writes the values of a raw sensor event as text: process GUIDs, FILETIME
/// timestamps, hashes, IPv4 and IPv6 addresses and ports. Public so other sources (and tests) render the same way.
/// </summary>
public static class ForwarderFormat
{
    /// <summary>100-ns FILETIME ticks between 1601-01-01 and 1970-01-01, in milliseconds.</summary>
    private const ulong EpochDeltaMilliseconds = 11_644_473_600_000UL;

    /// <summary>
    /// The process GUID: <c>{sensor:x8}-{pid hi:x4}-{pid lo:x4}-{ct 63..48:x4}-{ct 47..32:x4}{ct 31..0:x8}</c>, lower
    /// case, with the sensor id and pid as unsigned 32-bit and the creation FILETIME as unsigned 64-bit.
    /// </summary>
    public static string ProcessGuid(int sensorId, int pid, long createTime)
    {
        var ct = (ulong)createTime;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(uint)sensorId:x8}-{(ushort)((uint)pid >> 16):x4}-{(ushort)pid:x4}-{(ushort)(ct >> 48):x4}-{(ushort)(ct >> 32):x4}{(uint)ct:x8}");
    }

    /// <summary>
    /// FILETIME (100-ns ticks since 1601-01-01 UTC) to whole Unix seconds, as the forwarder computes it: on unsigned
    /// 64-bit with truncating divisions, so 0 stays 0 and a time before 1970 wraps around.
    /// </summary>
    public static ulong UnixSeconds(long fileTime) =>
        fileTime == 0 ? 0 : unchecked(((ulong)fileTime / 10_000 - EpochDeltaMilliseconds) / 1_000);

    /// <summary>FILETIME to a UTC time; null when 0 or outside what <see cref="DateTimeOffset"/> holds.</summary>
    public static DateTimeOffset? ToDateTime(long fileTime) =>
        fileTime is > 0 and <= 0x24C85A5ED1C03FFF // DateTime.MaxValue as a FILETIME
            ? new DateTimeOffset(DateTime.FromFileTimeUtc(fileTime))
            : null;

    /// <summary>Raw digest bytes as upper-case hex, two digits a byte; "" when empty.</summary>
    public static string Hex(ByteString bytes) => bytes is null || bytes.IsEmpty ? "" : Convert.ToHexString(bytes.Span);

    /// <summary>
    /// A hash the schema carries as ASCII hex text (<c>CbModuleInfoMsg.md5</c>/<c>sha256</c>), upper-cased. Bytes that
    /// are not ASCII are replaced, never trusted.
    /// </summary>
    public static string HexText(ByteString bytes) =>
        bytes is null || bytes.IsEmpty ? "" : System.Text.Encoding.ASCII.GetString(bytes.Span).ToUpperInvariant();

    /// <summary>UTF-8 text carried in a <c>bytes</c> field.</summary>
    public static string Text(ByteString bytes) => bytes is null || bytes.IsEmpty ? "" : bytes.ToStringUtf8();

    /// <summary>An IPv4 address stored with its first octet in the least significant byte: <c>a.b.c.d</c>.</summary>
    public static string Ipv4(uint value) => string.Create(CultureInfo.InvariantCulture,
        $"{value & 0xFF}.{(value >> 8) & 0xFF}.{(value >> 16) & 0xFF}.{value >> 24}");

    /// <summary>A port stored in network byte order in the low 16 bits (443 is stored as 47873).</summary>
    public static int Port(uint value) => (int)(((value & 0xFF) << 8) | ((value >> 8) & 0xFF));

    /// <summary>
    /// An IPv6 address from its two halves: the 8 little-endian bytes of <paramref name="high"/> then those of
    /// <paramref name="low"/>; canonical text (lower case, <c>::</c>, IPv4-mapped as dotted), then <c>%scope</c>.
    /// </summary>
    public static string Ipv6(ulong high, ulong low, string? scope)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, high);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], low);
        var address = new IPAddress(bytes);
        // Go prints an IPv4-mapped address as plain dotted IPv4.
        var text = address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
        return string.IsNullOrEmpty(scope) ? text : text + "%" + scope;
    }

    /// <summary>A <c>CbIpAddr</c> as text; a missing address prints <c>0.0.0.0</c>.</summary>
    public static string Address(Protobuf.CbIpAddr? address) =>
        address is null ? "0.0.0.0"
        : address.BIsIpv6 ? Ipv6(address.Ipv6High, address.Ipv6Low, address.HasIpv6Scope ? address.Ipv6Scope : null)
        : Ipv4(address.Ipv4Address);
}
