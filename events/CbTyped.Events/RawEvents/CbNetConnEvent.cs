using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;

namespace CbTyped.Events.RawEvents;

/// <summary>
/// A network connection (<c>ingress.event.netconn</c>): <c>CbNetConnMsgv2</c> from newer sensors, else the older
/// <c>CbNetConnMsg</c>. Addresses and ports are converted from the wire's byte order.
/// </summary>
public sealed class CbNetConnEvent : CbRawSensorEvent
{
    /// <summary>Reads <paramref name="raw"/>, whose <c>networkv2</c> or <c>network</c> is set.</summary>
    public CbNetConnEvent(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment sensor, CbEventDecoderOptions options)
        : base(message, raw, sensor, options) { }

    /// <inheritdoc />
    public override CbRawEventKind Kind => CbRawEventKind.NetConn;

    /// <inheritdoc />
    public override string ForwarderType => "ingress.event.netconn";

    /// <inheritdoc />
    public override string EventType => "netconn";

    /// <inheritdoc />
    protected override bool WritesProcessHashes => true;

    /// <summary>True when it came as <c>networkv2</c>.</summary>
    public bool IsVersion2 => Raw.Networkv2 is not null;

    /// <summary>The protocol number: 6 TCP, 17 UDP.</summary>
    public int Protocol => IsVersion2 ? (int)Raw.Networkv2.Protocol : (int)Raw.Network.Protocol;

    /// <summary>The DNS name.</summary>
    public string Domain => ForwarderFormat.Text(IsVersion2 ? Raw.Networkv2.Utf8Netpath : Raw.Network.Utf8Netpath);

    /// <summary>True for an outbound connection (an absent flag means outbound).</summary>
    public bool Outbound => IsVersion2 ? Raw.Networkv2.Outbound : Raw.Network.Outbound;

    /// <summary><c>outbound</c> or <c>inbound</c>.</summary>
    public string Direction => Outbound ? "outbound" : "inbound";

    /// <summary>The remote address as text (v1: <c>remoteIpAddress</c>, else <c>ipv4Address</c>); "0.0.0.0" when absent.</summary>
    public string RemoteIp => IsVersion2 ? ForwarderFormat.Address(Raw.Networkv2.RemoteIpAddress)
        : ForwarderFormat.Ipv4(Raw.Network.HasRemoteIpAddress ? Raw.Network.RemoteIpAddress : Raw.Network.Ipv4Address);

    /// <summary>The remote port (v1: <c>remotePort</c> with a remote address, else <c>port</c>).</summary>
    public int RemotePort => IsVersion2 ? ForwarderFormat.Port(Raw.Networkv2.RemotePort)
        : ForwarderFormat.Port(Raw.Network.HasRemoteIpAddress ? Raw.Network.RemotePort : Raw.Network.Port);

    /// <summary>The local address as text, null when the message has none.</summary>
    public string? LocalIp => IsVersion2 ? ForwarderFormat.Address(Raw.Networkv2.LocalIpAddress)
        : Raw.Network.HasLocalIpAddress ? ForwarderFormat.Ipv4(Raw.Network.LocalIpAddress) : null;

    /// <summary>The local port, null when the message has no local address.</summary>
    public int? LocalPort => IsVersion2 ? ForwarderFormat.Port(Raw.Networkv2.LocalPort)
        : Raw.Network.HasLocalIpAddress ? ForwarderFormat.Port(Raw.Network.LocalPort) : null;

    /// <summary>True when the connection went through a proxy.</summary>
    public bool Proxy => IsVersion2 ? Raw.Networkv2.ProxyConnection : Raw.Network.ProxyConnection;

    /// <inheritdoc />
    protected override void WriteEventFields(Utf8JsonWriter writer)
    {
        if (IsVersion2)
            WriteVersion2(writer, Raw.Networkv2);
        else
            WriteVersion1(writer, Raw.Network);
    }

    private void WriteVersion2(Utf8JsonWriter writer, CbNetConnMsgv2 net)
    {
        writer.WriteNumber(nameof(Protocol), Protocol); // sic: "Protocol", capital P: the forwarder's field has no JSON name
        writer.WriteString("domain", Domain);
        writer.WriteString("direction", Direction);
        WriteIfNotEmpty(writer, "ja3", net.Ja3);
        WriteIfNotEmpty(writer, "ja3s", net.Ja3S);
        writer.WriteString("local_ip", LocalIp);
        writer.WriteNumber("local_port", LocalPort ?? 0);
        writer.WriteString("remote_ip", RemoteIp);
        writer.WriteNumber("remote_port", RemotePort);
        writer.WriteBoolean("proxy", net.ProxyConnection);
        writer.WriteString("proxy_ip", net.ProxyConnection ? ForwarderFormat.Address(net.ProxyIpAddress) : "");
        if (net.ProxyConnection && net.ProxyPort != 0)
            writer.WriteNumber("proxy_port", ForwarderFormat.Port(net.ProxyPort));
        writer.WriteString("proxy_domain", net.ProxyConnection ? net.ProxyNetPath : "");
    }

    private void WriteVersion1(Utf8JsonWriter writer, CbNetConnMsg net)
    {
        if (net.HasRemoteIpAddress)
            writer.WriteNumber("remote_port", ForwarderFormat.Port(net.RemotePort));
        if (net.HasLocalIpAddress)
        {
            writer.WriteString("local_ip", ForwarderFormat.Ipv4(net.LocalIpAddress));
            writer.WriteNumber("local_port", ForwarderFormat.Port(net.LocalPort));
        }
        writer.WriteString("direction", Direction);
        writer.WriteString("domain", Domain);
        writer.WriteNumber("protocol", Protocol);
        writer.WriteNumber("port", ForwarderFormat.Port(net.Port));
        writer.WriteString("ipv4", ForwarderFormat.Ipv4(net.Ipv4Address));
        if (net.HasRemoteIpAddress)
            writer.WriteString("remote_ip", ForwarderFormat.Ipv4(net.RemoteIpAddress));
    }
}
