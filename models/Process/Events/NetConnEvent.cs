namespace CbTyped.Response;

/// <summary>A network connection.</summary>
public sealed record NetConnEvent : ProcessEvent
{
    /// <summary>The remote address, dotted (the server sends an integer before 6.0).</summary>
    public string? RemoteIp { get; init; }

    /// <summary>The remote port.</summary>
    public int RemotePort { get; init; }

    /// <summary>The local address (v2+ event documents).</summary>
    public string? LocalIp { get; init; }

    /// <summary>The local port (v2+).</summary>
    public int? LocalPort { get; init; }

    /// <summary>The proxy address (v2+).</summary>
    public string? ProxyIp { get; init; }

    /// <summary>The proxy port (v2+).</summary>
    public int? ProxyPort { get; init; }

    /// <summary>The IP protocol number (6 TCP, 17 UDP).</summary>
    public int ProtocolNumber { get; init; }

    /// <summary>The protocol's name, e.g. <c>IPPROTO_TCP</c>; <c>Unknown</c> for a number without a name.</summary>
    public string Protocol => IpProtocolNames.NameOf(ProtocolNumber);

    /// <summary>The DNS name, when the sensor saw one.</summary>
    public string? Domain { get; init; }

    /// <summary>True for an outbound connection.</summary>
    public bool IsOutbound { get; init; }

    /// <summary><c>Outbound</c> or <c>Inbound</c>.</summary>
    public string Direction => IsOutbound ? "Outbound" : "Inbound";

    /// <inheritdoc />
    public override string EventType => "netconn";
}
