namespace CbTyped.Emulator.Data;

/// <summary>
/// A sensor (an endpoint agent). Mutable: every change happens under <see cref="EmulatorState.Gate"/>.
/// Deferred flags (isolation, restart, flush) catch up at the sensor's next check-in, which the emulator models as
/// a number of GET polls.
/// </summary>
internal sealed class SensorRecord
{
    public required int Id { get; init; }

    public required string ComputerName { get; set; }

    public required int GroupId { get; set; }

    public required int OsType { get; init; }

    public required string OsDisplay { get; init; }

    public required int BuildId { get; init; }

    public required string BuildVersion { get; init; }

    public required string BootId { get; init; }

    /// <summary>"Online" or "Offline"; an offline sensor never confirms a deferred change.</summary>
    public required string Status { get; set; }

    public required string IpAddress
    {
        get => ipAddress;
        init
        {
            ipAddress = value;
            IpAsSignedInt = ProcessFactory.ToSignedIp(value);
        }
    }

    /// <summary>The address as Cb's signed 32-bit integer (comms_ip), computed once.</summary>
    public int IpAsSignedInt { get; private init; }

    private readonly string ipAddress = "";

    public required string MacAddress { get; init; }

    public required DateTimeOffset RegistrationTime { get; init; }

    public required DateTimeOffset LastCheckin { get; set; }

    public string ComputerSid { get; init; } = "";

    public bool SupportsIsolation { get; init; } = true;

    public bool SupportsCblr { get; init; } = true;

    public bool NetworkIsolationEnabled { get; set; }

    public bool IsIsolating { get; set; }

    public bool RestartQueued { get; set; }

    public bool Uninstall { get; set; }

    public bool? Uninstalled { get; set; }

    public string? EventLogFlushTime { get; set; }

    public string? Notes { get; set; }

    public bool LiveResponseInit { get; set; }

    public long Uptime { get; init; } = 2_166_755;

    public int HealthStatus { get; init; } = 100;

    public string HealthMessage { get; init; } = "Healthy";

    public long EventLogBytes { get; init; } = 33_200;

    public long PhysicalMemory { get; init; } = 8_589_398_016;

    public long SystemVolumeFree { get; init; } = 44_372_131_840;

    public string HostType { get; init; } = "workstation";

    /// <summary>GET polls left before the sensor "checks in" and applies deferred flags; 0 = nothing pending.</summary>
    public int PollsUntilCheckin { get; set; }

    /// <summary>Whether a deferred change (isolation, restart, flush) is waiting for the next check-in.</summary>
    public bool HasPendingChange =>
        NetworkIsolationEnabled != IsIsolating || RestartQueued || EventLogFlushTime is not null || (Uninstall && Uninstalled != true);
}
