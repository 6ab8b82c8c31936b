using CbTyped.Events.Decoding;
using Google.Protobuf;

namespace CbTyped.Events.Tests.Decoding;

public class ForwarderFormatTests
{
    [Fact]
    public void Process_guid_is_sensor_pid_and_create_time_in_lower_case_hex()
    {
        Assert.Equal("00000001-0000-1234-01d2-3456789abcde", ForwarderFormat.ProcessGuid(1, 0x1234, 0x01D23456789ABCDE));
        // Negative inputs are taken as unsigned: a pid of -1 is ffff-ffff, a create time of -1 all f's.
        Assert.Equal("ffffffff-ffff-ffff-ffff-ffffffffffff", ForwarderFormat.ProcessGuid(-1, -1, -1));
        Assert.Equal("0000abcd-0001-0002-0000-000000000000", ForwarderFormat.ProcessGuid(0xABCD, 0x00010002, 0));
    }

    [Fact]
    public void Filetime_becomes_whole_unix_seconds_on_unsigned_arithmetic()
    {
        Assert.Equal((ulong)SampleEvents.UnixTime, ForwarderFormat.UnixSeconds(SampleEvents.Time));
        Assert.Equal(0UL, ForwarderFormat.UnixSeconds(0));
        Assert.Equal(0UL, ForwarderFormat.UnixSeconds(116_444_736_000_000_000)); // 1970-01-01 exactly
        Assert.True(ForwarderFormat.UnixSeconds(1) > uint.MaxValue, "a time before 1970 wraps around, as the forwarder's does");
        Assert.Equal(new DateTimeOffset(2016, 11, 2, 13, 14, 15, TimeSpan.Zero).AddTicks(1234567), ForwarderFormat.ToDateTime(SampleEvents.Time));
        Assert.Null(ForwarderFormat.ToDateTime(0));
        Assert.Null(ForwarderFormat.ToDateTime(long.MaxValue));
    }

    [Fact]
    public void Ipv4_has_its_first_octet_in_the_least_significant_byte_and_ports_are_byte_swapped()
    {
        Assert.Equal("10.1.2.3", ForwarderFormat.Ipv4(0x0302010A));
        Assert.Equal("0.0.0.0", ForwarderFormat.Ipv4(0));
        Assert.Equal(443, ForwarderFormat.Port(47873));
        Assert.Equal(80, ForwarderFormat.Port(0x5000));
        Assert.Equal(0x1234, ForwarderFormat.Port(0xFFFF3412)); // only the low 16 bits
    }

    [Fact]
    public void Ipv6_is_the_little_endian_bytes_of_high_then_low_in_canonical_form()
    {
        // 2001:db8::1 = bytes 20 01 0d b8 00 .. 00 01: high holds 20 01 0d b8 00 00 00 00 little-endian.
        Assert.Equal("2001:db8::1", ForwarderFormat.Ipv6(0x00000000_B80D0120UL, 0x01000000_00000000UL, null));
        Assert.Equal("fe80::1%eth0", ForwarderFormat.Ipv6(0x80FEUL, 0x01000000_00000000UL, "eth0"));
        // ::ffff:10.1.2.3 prints as dotted IPv4.
        Assert.Equal("10.1.2.3", ForwarderFormat.Ipv6(0, 0x0302010A_FFFF0000UL, null));
    }

    [Fact]
    public void Raw_digests_are_upper_case_hex_and_text_digests_are_upper_cased()
    {
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF", ForwarderFormat.Hex(ByteString.CopyFrom(SampleEvents.Md5)));
        Assert.Equal("", ForwarderFormat.Hex(ByteString.Empty));
        Assert.Equal("ABCDEF0123456789ABCDEF0123456789", ForwarderFormat.HexText(ByteString.CopyFromUtf8("abcdef0123456789ABCDEF0123456789")));
    }
}
