using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Data;

/// <summary>The server's documents for groups, sites, users and teams, with the defaults the real server fills in.</summary>
internal static class AdminDocuments
{
    public static JsonObject Group(int id, string name, int siteId, string backend = "https://cb.example.local:443") => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["site_id"] = siteId,
        ["sensorbackend_server"] = backend,
        ["alert_criticality"] = 3,
        ["banning_enabled"] = true,
        ["collect_cross_procs"] = true,
        ["collect_emet_events"] = true,
        ["collect_filemods"] = true,
        ["collect_filewritemd5s"] = true,
        ["collect_moduleinfo"] = true,
        ["collect_moduleloads"] = true,
        ["collect_netconns"] = true,
        ["collect_nonbinary_filewrites"] = true,
        ["collect_processes"] = true,
        ["collect_regmods"] = true,
        ["collect_storefiles"] = true,
        ["collect_usercontext"] = true,
        ["datastore_server"] = null,
        ["max_licenses"] = -1,
        ["quota_eventlog_bytes"] = "1073741824",
        ["quota_eventlog_percent"] = 1,
        ["quota_storefile_bytes"] = "1073741824",
        ["quota_storefile_percent"] = 1,
        ["sensor_exe_name"] = "",
        ["sensor_version"] = "Manual",
        ["sensor_version_windows"] = "Manual",
        ["sensor_version_osx"] = "Manual",
        ["sensor_version_linux"] = "Manual",
        ["tamper_level"] = 0,
        ["vdi_enabled"] = false,
        ["filter_known_dlls"] = false,
        ["process_filter_level"] = 0,
        ["team_access"] = new JsonArray(),
    };

    public static JsonObject Site(int id, string name) => new() { ["id"] = id, ["name"] = name, ["group_ids"] = new JsonArray() };

    public static JsonObject Team(int id, string name, JsonArray groupAccess) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["group_access"] = groupAccess,
    };

    public static JsonObject User(int id, string username, string first, string last, string email, bool globalAdmin, string token, JsonArray teams) => new()
    {
        ["id"] = id,
        ["username"] = username,
        ["first_name"] = first,
        ["last_name"] = last,
        ["email"] = email,
        ["global_admin"] = globalAdmin,
        ["auth_token"] = token,
        ["teams"] = teams,
    };
}
