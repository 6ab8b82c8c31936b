using System.Text.Json;

namespace CbTyped.Response;

/// <summary>
/// A Live Response session as the server describes it (<c>GET /api/v1/cblr/session/{id}</c>): its state, the host it
/// runs on and the commands the sensor supports.
/// </summary>
public sealed record LiveResponseSessionInfo
{
    /// <summary><c>id</c>: the session's id.</summary>
    public required int Id { get; init; }

    /// <summary><c>sensor_id</c>.</summary>
    public required int SensorId { get; init; }

    /// <summary><c>status</c>: <c>pending</c>, <c>active</c>, <c>close</c> or <c>timeout</c>.</summary>
    public required string Status { get; init; }

    /// <summary><c>hostname</c>.</summary>
    public string? Hostname { get; init; }

    /// <summary><c>address</c>: the sensor's IP address.</summary>
    public string? Address { get; init; }

    /// <summary><c>os_version</c>.</summary>
    public string? OsVersion { get; init; }

    /// <summary><c>current_working_directory</c>, e.g. <c>c:\windows\system32</c>.</summary>
    public string? CurrentWorkingDirectory { get; init; }

    /// <summary><c>drives</c>, e.g. <c>c:\</c>.</summary>
    public IReadOnlyList<string> Drives { get; init; } = [];

    /// <summary><c>supported_commands</c>: the command names the sensor accepts (<c>get file</c>, <c>process list</c>, …).</summary>
    public IReadOnlyList<string> SupportedCommands { get; init; } = [];

    /// <summary><c>create_time</c>.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary><c>check_in_timeout</c> in seconds.</summary>
    public int? CheckInTimeout { get; init; }

    /// <summary><c>session_timeout</c> in seconds: the session closes after this long without a command.</summary>
    public int? SessionTimeout { get; init; }

    /// <summary><c>sensor_wait_timeout</c> in seconds.</summary>
    public int? SensorWaitTimeout { get; init; }

    /// <summary><c>storage_size</c>, as sent (text).</summary>
    public string? StorageSize { get; init; }

    /// <summary><c>storage_ttl</c>.</summary>
    public double? StorageTtl { get; init; }

    /// <summary>Whether the server still lists the session as open (<c>pending</c> or <c>active</c>).</summary>
    public bool IsOpen => Status is "pending" or "active";

    /// <summary>The session as its generated model read it.</summary>
    /// <exception cref="CbServerException">The document has no numeric <c>id</c>.</exception>
    internal static LiveResponseSessionInfo From(LiveResponseServerSession session) => new()
    {
        Id = session.Id ?? throw new CbServerException("The Live Response session document has no id: " + session, null, null, null, null),
        SensorId = session.SensorId ?? 0,
        Status = session.Status ?? string.Empty,
        Hostname = session.Hostname,
        Address = session.Address,
        OsVersion = session.OsVersion,
        CurrentWorkingDirectory = session.CurrentWorkingDirectory,
        Drives = session.Drives is { } drives ? [.. drives] : [],
        SupportedCommands = session.SupportedCommands is { } commands ? [.. commands] : [],
        CreateTime = session.CreateTime is double seconds ? DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond)) : null,
        CheckInTimeout = session.CheckInTimeout,
        SessionTimeout = session.SessionTimeout,
        SensorWaitTimeout = session.SensorWaitTimeout,
        StorageSize = session.StorageSize,
        StorageTtl = session.StorageTtl,
    };

    /// <summary>Reads a session document.</summary>
    /// <exception cref="CbServerException">The document has no numeric <c>id</c>.</exception>
    public static LiveResponseSessionInfo FromJson(JsonElement session) => new()
    {
        Id = LiveResponseJson.Int32(session, "id")
            ?? throw new CbServerException("The Live Response session document has no id: " + session.GetRawText(), null, null, null, null),
        SensorId = LiveResponseJson.Int32(session, "sensor_id") ?? 0,
        Status = LiveResponseJson.String(session, "status") ?? string.Empty,
        Hostname = LiveResponseJson.String(session, "hostname"),
        Address = LiveResponseJson.String(session, "address"),
        OsVersion = LiveResponseJson.String(session, "os_version"),
        CurrentWorkingDirectory = LiveResponseJson.String(session, "current_working_directory"),
        Drives = LiveResponseJson.Strings(session, "drives"),
        SupportedCommands = LiveResponseJson.Strings(session, "supported_commands"),
        CreateTime = LiveResponseJson.EpochTime(session, "create_time"),
        CheckInTimeout = LiveResponseJson.Int32(session, "check_in_timeout"),
        SessionTimeout = LiveResponseJson.Int32(session, "session_timeout"),
        SensorWaitTimeout = LiveResponseJson.Int32(session, "sensor_wait_timeout"),
        StorageSize = LiveResponseJson.String(session, "storage_size"),
        StorageTtl = LiveResponseJson.Double(session, "storage_ttl"),
    };
}
