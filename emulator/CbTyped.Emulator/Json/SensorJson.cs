using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Json;

/// <summary>The sensor object. Many numbers are strings on the real server; they stay strings here.</summary>
internal static class SensorJson
{
    public static JsonObject Document(EmulatorState state, SensorRecord sensor)
    {
        var checkin = sensor.LastCheckin;
        return new JsonObject
        {
            ["id"] = sensor.Id,
            ["computer_name"] = sensor.ComputerName,
            ["computer_dns_name"] = sensor.ComputerName.ToLowerInvariant() + ".corp.local",
            ["computer_sid"] = sensor.ComputerSid,
            ["group_id"] = sensor.GroupId,
            ["os_type"] = sensor.OsType,
            ["os_environment_id"] = 1,
            ["os_environment_display_string"] = sensor.OsDisplay,
            ["build_id"] = sensor.BuildId,
            ["build_version_string"] = sensor.BuildVersion,
            ["status"] = sensor.Status,
            ["uptime"] = sensor.Uptime.ToString(CultureInfo.InvariantCulture),
            ["sensor_uptime"] = (sensor.Uptime + 122).ToString(CultureInfo.InvariantCulture),
            ["last_checkin_time"] = CbTime.Postgres(checkin),
            ["next_checkin_time"] = CbTime.Postgres(checkin.AddSeconds(30)),
            ["registration_time"] = CbTime.Postgres(sensor.RegistrationTime),
            ["last_update"] = CbTime.Postgres(checkin.AddSeconds(6.1)),
            ["network_adapters"] = sensor.IpAddress + "," + sensor.MacAddress + "|",
            ["network_isolation_enabled"] = sensor.NetworkIsolationEnabled,
            ["is_isolating"] = sensor.IsIsolating,
            ["supports_isolation"] = sensor.SupportsIsolation,
            ["supports_cblr"] = sensor.SupportsCblr,
            ["supports_2nd_gen_modloads"] = false,
            ["restart_queued"] = sensor.RestartQueued,
            ["uninstall"] = sensor.Uninstall,
            ["uninstalled"] = sensor.Uninstalled,
            ["event_log_flush_time"] = sensor.EventLogFlushTime,
            ["liveresponse_init"] = sensor.LiveResponseInit ? "1" : null,
            ["notes"] = sensor.Notes,
            ["sensor_health_status"] = sensor.HealthStatus,
            ["sensor_health_message"] = sensor.HealthMessage,
            ["num_eventlog_bytes"] = sensor.EventLogBytes.ToString(CultureInfo.InvariantCulture),
            ["num_storefiles_bytes"] = "0",
            ["systemvolume_free_size"] = sensor.SystemVolumeFree.ToString(CultureInfo.InvariantCulture),
            ["systemvolume_total_size"] = "107267223552",
            ["physical_memory_size"] = sensor.PhysicalMemory.ToString(CultureInfo.InvariantCulture),
            ["boot_id"] = sensor.BootId,
            ["display"] = true,
            ["emet_version"] = "",
            ["emet_dump_flags"] = "",
            ["emet_process_count"] = 0,
            ["emet_report_setting"] = "",
            ["emet_exploit_action"] = "",
            ["emet_telemetry_path"] = "",
            ["emet_is_gpo"] = false,
            ["clock_delta"] = "0",
            ["cookie"] = 1_234_567_000 + sensor.Id,
            ["parity_host_id"] = "0",
            ["power_state"] = 0,
            ["is_isolating_supported"] = sensor.SupportsIsolation,
            ["group_name"] = state.GroupName(sensor.GroupId),
        };
    }
}
