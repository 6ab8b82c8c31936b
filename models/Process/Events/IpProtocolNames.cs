using System.Globalization;

namespace CbTyped.Response;

/// <summary>IANA protocol numbers to the <c>IPPROTO_*</c> names cbapi prints.</summary>
internal static class IpProtocolNames
{
    public static string NameOf(int number) => number switch
    {
        0 => "IPPROTO_IP",
        1 => "IPPROTO_ICMP",
        2 => "IPPROTO_IGMP",
        6 => "IPPROTO_TCP",
        17 => "IPPROTO_UDP",
        41 => "IPPROTO_IPV6",
        47 => "IPPROTO_GRE",
        50 => "IPPROTO_ESP",
        51 => "IPPROTO_AH",
        58 => "IPPROTO_ICMPV6",
        132 => "IPPROTO_SCTP",
        255 => "IPPROTO_RAW",
        _ => "Unknown",
    };

    public static int Parse(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : -1;
}
