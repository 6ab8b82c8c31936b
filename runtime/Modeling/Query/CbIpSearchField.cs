using System.Net;

namespace CbTyped.Modeling;

/// <summary>
/// An IP address field (<c>ipaddr</c>): an address, or a CIDR range such as
/// <c>ipaddr:192.168.0.0/16</c>. An address without a mask means /32.
/// </summary>
public sealed class CbIpSearchField : CbSearchField
{
    /// <summary>Names the field.</summary>
    public CbIpSearchField(string name)
        : base(name)
    {
    }

    /// <summary>The field is this address (<c>ipaddr:10.0.0.1</c>).</summary>
    public CbQueryTerm Is(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return CbQueryTerm.Clause(Name, address.ToString());
    }

    /// <summary>The field is any of the addresses.</summary>
    public CbQueryTerm IsAnyOf(params IPAddress[] addresses) => AnyOf(addresses, Is);

    /// <summary>The field is in the CIDR range (<c>ipaddr:192.168.0.0/16</c>).</summary>
    public CbQueryTerm InRange(IPNetwork network) => CbQueryTerm.Clause(Name, network.ToString());

    /// <summary>The field is in the CIDR range written as text (<c>"192.168.0.0/16"</c>); the text is validated.</summary>
    /// <exception cref="FormatException">The text is not an address with a prefix length.</exception>
    public CbQueryTerm InRange(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        return InRange(IPNetwork.Parse(cidr));
    }
}
