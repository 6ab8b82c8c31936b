using System.Text.Json.Serialization;

namespace CbTyped.Benchmarks.Serialization;

// The System.Text.Json side of the comparison: POCOs equivalent to the generated BenchProcess/BenchSensor (same
// fields, same CLR types), the search envelope, and a source-generated context. The only STJ concession to Cb is
// NumberHandling=AllowReadingFromString on the sensor, which sends numbers as strings.

public sealed class StjProcessPage
{
    [JsonPropertyName("results")] public List<StjProcess>? Results { get; set; }
    [JsonPropertyName("total_results")] public long TotalResults { get; set; }
    [JsonPropertyName("start")] public long Start { get; set; }
    [JsonPropertyName("elapsed")] public double Elapsed { get; set; }
    [JsonPropertyName("terms")] public List<string>? Terms { get; set; }
    [JsonPropertyName("facets")] public Dictionary<string, System.Text.Json.JsonElement>? Facets { get; set; }
    [JsonPropertyName("highlights")] public List<System.Text.Json.JsonElement>? Highlights { get; set; }
    [JsonPropertyName("tagged_pids")] public Dictionary<string, System.Text.Json.JsonElement>? TaggedPids { get; set; }
    [JsonPropertyName("filtered")] public Dictionary<string, System.Text.Json.JsonElement>? Filtered { get; set; }
    [JsonPropertyName("comprehensive_search")] public bool ComprehensiveSearch { get; set; }
    [JsonPropertyName("all_segments")] public bool AllSegments { get; set; }
    [JsonPropertyName("incomplete_results")] public bool IncompleteResults { get; set; }
}

public sealed class StjWatchlistHit
{
    [JsonPropertyName("wid")] public string? Wid { get; set; }
    [JsonPropertyName("value")] public DateTimeOffset? Value { get; set; }
}

public sealed class StjProcess
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("unique_id")] public string? UniqueId { get; set; }
    [JsonPropertyName("segment_id")] public long? SegmentId { get; set; }
    [JsonPropertyName("parent_id")] public string? ParentId { get; set; }
    [JsonPropertyName("parent_unique_id")] public string? ParentUniqueId { get; set; }
    [JsonPropertyName("parent_name")] public string? ParentName { get; set; }
    [JsonPropertyName("parent_pid")] public int? ParentPid { get; set; }
    [JsonPropertyName("parent_md5")] public string? ParentMd5 { get; set; }
    [JsonPropertyName("process_name")] public string? ProcessName { get; set; }
    [JsonPropertyName("process_pid")] public int? ProcessPid { get; set; }
    [JsonPropertyName("process_md5")] public string? ProcessMd5 { get; set; }
    [JsonPropertyName("process_sha256")] public string? ProcessSha256 { get; set; }
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("cmdline")] public string? Cmdline { get; set; }
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("hostname")] public string? Hostname { get; set; }
    [JsonPropertyName("group")] public string? Group { get; set; }
    [JsonPropertyName("sensor_id")] public int? SensorId { get; set; }
    [JsonPropertyName("host_type")] public string? HostType { get; set; }
    [JsonPropertyName("os_type")] public string? OsType { get; set; }
    [JsonPropertyName("start")] public DateTimeOffset? Start { get; set; }
    [JsonPropertyName("last_update")] public DateTimeOffset? LastUpdate { get; set; }
    [JsonPropertyName("last_server_update")] public DateTimeOffset? LastServerUpdate { get; set; }
    [JsonPropertyName("min_last_update")] public DateTimeOffset? MinLastUpdate { get; set; }
    [JsonPropertyName("max_last_update")] public DateTimeOffset? MaxLastUpdate { get; set; }
    [JsonPropertyName("min_last_server_update")] public DateTimeOffset? MinLastServerUpdate { get; set; }
    [JsonPropertyName("max_last_server_update")] public DateTimeOffset? MaxLastServerUpdate { get; set; }
    [JsonPropertyName("terminated")] public bool? Terminated { get; set; }
    [JsonPropertyName("comms_ip")] public int? CommsIp { get; set; }
    [JsonPropertyName("interface_ip")] public int? InterfaceIp { get; set; }
    [JsonPropertyName("modload_count")] public int? ModloadCount { get; set; }
    [JsonPropertyName("filemod_count")] public int? FilemodCount { get; set; }
    [JsonPropertyName("regmod_count")] public int? RegmodCount { get; set; }
    [JsonPropertyName("netconn_count")] public int? NetconnCount { get; set; }
    [JsonPropertyName("crossproc_count")] public int? CrossprocCount { get; set; }
    [JsonPropertyName("childproc_count")] public int? ChildprocCount { get; set; }
    [JsonPropertyName("processblock_count")] public int? ProcessblockCount { get; set; }
    [JsonPropertyName("emet_count")] public int? EmetCount { get; set; }
    [JsonPropertyName("emet_config")] public string? EmetConfig { get; set; }
    [JsonPropertyName("filtering_known_dlls")] public bool? FilteringKnownDlls { get; set; }
    [JsonPropertyName("logon_type")] public int? LogonType { get; set; }
    [JsonPropertyName("uid")] public string? Uid { get; set; }
    [JsonPropertyName("watchlists")] public List<StjWatchlistHit>? Watchlists { get; set; }
}

public sealed class StjSensor
{
    [JsonPropertyName("id")] public int? Id { get; set; }
    [JsonPropertyName("computer_name")] public string? ComputerName { get; set; }
    [JsonPropertyName("computer_dns_name")] public string? ComputerDnsName { get; set; }
    [JsonPropertyName("computer_sid")] public string? ComputerSid { get; set; }
    [JsonPropertyName("group_id")] public int? GroupId { get; set; }
    [JsonPropertyName("os_type")] public int? OsType { get; set; }
    [JsonPropertyName("os_environment_id")] public int? OsEnvironmentId { get; set; }
    [JsonPropertyName("os_environment_display_string")] public string? OsEnvironmentDisplayString { get; set; }
    [JsonPropertyName("build_id")] public int? BuildId { get; set; }
    [JsonPropertyName("build_version_string")] public string? BuildVersionString { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("uptime")] public long? Uptime { get; set; }
    [JsonPropertyName("sensor_uptime")] public long? SensorUptime { get; set; }
    [JsonPropertyName("last_checkin_time")] public DateTimeOffset? LastCheckinTime { get; set; }
    [JsonPropertyName("next_checkin_time")] public DateTimeOffset? NextCheckinTime { get; set; }
    [JsonPropertyName("registration_time")] public DateTimeOffset? RegistrationTime { get; set; }
    [JsonPropertyName("last_update")] public DateTimeOffset? LastUpdate { get; set; }
    [JsonPropertyName("network_adapters")] public string? NetworkAdapters { get; set; }
    [JsonPropertyName("network_isolation_enabled")] public bool? NetworkIsolationEnabled { get; set; }
    [JsonPropertyName("is_isolating")] public bool? IsIsolating { get; set; }
    [JsonPropertyName("supports_isolation")] public bool? SupportsIsolation { get; set; }
    [JsonPropertyName("supports_cblr")] public bool? SupportsCblr { get; set; }
    [JsonPropertyName("restart_queued")] public bool? RestartQueued { get; set; }
    [JsonPropertyName("uninstall")] public bool? Uninstall { get; set; }
    [JsonPropertyName("uninstalled")] public bool? Uninstalled { get; set; }
    [JsonPropertyName("event_log_flush_time")] public DateTimeOffset? EventLogFlushTime { get; set; }
    [JsonPropertyName("notes")] public string? Notes { get; set; }
    [JsonPropertyName("sensor_health_status")] public int? SensorHealthStatus { get; set; }
    [JsonPropertyName("sensor_health_message")] public string? SensorHealthMessage { get; set; }
    [JsonPropertyName("num_eventlog_bytes")] public long? NumEventlogBytes { get; set; }
    [JsonPropertyName("num_storefiles_bytes")] public long? NumStorefilesBytes { get; set; }
    [JsonPropertyName("systemvolume_free_size")] public long? SystemvolumeFreeSize { get; set; }
    [JsonPropertyName("physical_memory_size")] public long? PhysicalMemorySize { get; set; }
    [JsonPropertyName("boot_id")] public string? BootId { get; set; }
    [JsonPropertyName("display")] public bool? Display { get; set; }
}

/// <summary>Only the three fields the "three fields per row" loop reads: STJ skips the rest (an extra reference point).</summary>
public sealed class StjProcessThreeFields
{
    [JsonPropertyName("process_name")] public string? ProcessName { get; set; }
    [JsonPropertyName("hostname")] public string? Hostname { get; set; }
    [JsonPropertyName("start")] public DateTimeOffset? Start { get; set; }
}

public sealed class StjProcessThreeFieldsPage
{
    [JsonPropertyName("results")] public List<StjProcessThreeFields>? Results { get; set; }
    [JsonPropertyName("total_results")] public long TotalResults { get; set; }
}

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(StjProcessPage))]
[JsonSerializable(typeof(StjSensor))]
[JsonSerializable(typeof(StjProcessThreeFieldsPage))]
public sealed partial class StjContext : JsonSerializerContext;
