namespace CbTyped.Emulator.Data;

/// <summary>A network connection (netconn_complete). Addresses are IPv4 in host order.</summary>
internal sealed record NetConnEvent(
    DateTime Time,
    uint RemoteIp,
    int RemotePort,
    int Protocol,
    string Domain,
    bool Outbound,
    uint LocalIp,
    int LocalPort);
