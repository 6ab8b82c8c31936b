using System.Globalization;
using System.Text;

namespace CbTyped.Benchmarks.Serialization;

/// <summary>
/// Deterministic, realistic Cb Response payloads (process search rows, a sensor): GUID ids, escaped
/// Windows paths and command lines, MD5/SHA-256 hashes, ISO timestamps with 3 fraction digits, signed IPs, a watchlist
/// tag on some rows, a handful of hosts/users/groups repeating as they do in one search. Python's json.dumps layout
/// (", " and ": "), which is what the server sends.
/// </summary>
public static class BenchmarkData
{
    private static readonly string[] Hosts = ["win-6epacunb1i1", "WIN7-HYPERV-2", "dc01.corp.local", "LAPTOP-8H2KQ", "web-03", "sql-cluster-a", "WKS-0042", "build-agent-7"];
    private static readonly string[] Users = ["SYSTEM", "NT AUTHORITY\\\\LOCAL SERVICE", "CORP\\\\alice", "CORP\\\\bob", "NETWORK SERVICE"];
    private static readonly (string Name, string Path)[] Processes =
    [
        ("svchost.exe", "c:\\\\windows\\\\system32\\\\svchost.exe"),
        ("services.exe", "c:\\\\windows\\\\system32\\\\services.exe"),
        ("chrome.exe", "c:\\\\program files (x86)\\\\google\\\\chrome\\\\application\\\\chrome.exe"),
        ("powershell.exe", "c:\\\\windows\\\\system32\\\\windowspowershell\\\\v1.0\\\\powershell.exe"),
        ("cmd.exe", "c:\\\\windows\\\\system32\\\\cmd.exe"),
        ("taskhost.exe", "c:\\\\windows\\\\system32\\\\taskhost.exe"),
        ("outlook.exe", "c:\\\\program files\\\\microsoft office\\\\office15\\\\outlook.exe"),
        ("rundll32.exe", "c:\\\\windows\\\\system32\\\\rundll32.exe"),
    ];

    /// <summary>One search page: the 6.x envelope with <paramref name="rows"/> results.</summary>
    public static byte[] ProcessSearchPage(int rows = 100)
    {
        var text = new StringBuilder(rows * 1500);
        text.Append("{\"terms\": [\"process_name:svchost.exe\"], \"results\": [");
        for (int i = 0; i < rows; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            AppendProcess(text, i);
        }

        text.Append("], \"elapsed\": 0.1475, \"comprehensive_search\": true, \"all_segments\": true, \"total_results\": 34884, ");
        text.Append("\"highlights\": [], \"facets\": {}, \"tagged_pids\": {}, \"start\": 0, \"incomplete_results\": false, \"filtered\": {}}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendProcess(StringBuilder text, int i)
    {
        var random = new Random(1000 + i);
        var (name, path) = Processes[i % Processes.Length];
        string host = Hosts[random.Next(Hosts.Length)];
        string user = Users[random.Next(Users.Length)];
        string guid = Guid(random);
        string parentGuid = Guid(random);
        long segment = 1504012355063L + (i * 7919L);
        var start = new DateTime(2017, 8, 28, 18, 35, 57, 663, DateTimeKind.Utc).AddSeconds(i * 37);
        string Ts(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string cmd = name == "svchost.exe" ? "C:\\\\Windows\\\\system32\\\\svchost.exe -k netsvcs -p -s Schedule"
            : name == "powershell.exe" ? "powershell.exe -NoProfile -ExecutionPolicy Bypass -Command \\\"Get-Process | Out-File c:\\\\temp\\\\p.txt\\\""
            : "\\\"" + path + "\\\"";
        var f = CultureInfo.InvariantCulture;
        text.Append(f, $"{{\"id\": \"{guid}\", \"unique_id\": \"{guid}-{segment:x12}\", \"segment_id\": {segment}, ");
        text.Append(f, $"\"parent_id\": \"{parentGuid}\", \"parent_unique_id\": \"{parentGuid}-000000000001\", \"parent_name\": \"wininit.exe\", ");
        text.Append(f, $"\"parent_pid\": {random.Next(100, 9000)}, \"parent_md5\": \"000000000000000000000000000000\", ");
        text.Append(f, $"\"process_name\": \"{name}\", \"process_pid\": {random.Next(100, 60000)}, \"process_md5\": \"{Hex(random, 16)}\", ");
        text.Append(f, $"\"process_sha256\": \"{Hex(random, 32)}\", \"path\": \"{path}\", \"cmdline\": \"{cmd}\", ");
        text.Append(f, $"\"username\": \"{user}\", \"hostname\": \"{host}\", \"group\": \"default group\", \"sensor_id\": {1 + random.Next(40)}, ");
        text.Append(f, $"\"host_type\": \"{(i % 3 == 0 ? "server" : "workstation")}\", \"os_type\": \"windows\", ");
        text.Append(f, $"\"start\": \"{Ts(start)}\", \"last_update\": \"{Ts(start.AddMinutes(5))}\", \"last_server_update\": \"{Ts(start.AddMinutes(6))}\", ");
        text.Append(f, $"\"min_last_update\": \"{Ts(start)}\", \"max_last_update\": \"{Ts(start.AddMinutes(5))}\", ");
        text.Append(f, $"\"min_last_server_update\": \"{Ts(start.AddMinutes(1))}\", \"max_last_server_update\": \"{Ts(start.AddMinutes(6))}\", ");
        text.Append(f, $"\"terminated\": {(i % 4 == 0 ? "true" : "false")}, \"comms_ip\": {random.Next(int.MinValue, int.MaxValue)}, \"interface_ip\": {random.Next(int.MinValue, int.MaxValue)}, ");
        text.Append(f, $"\"modload_count\": {random.Next(300)}, \"filemod_count\": {random.Next(50)}, \"regmod_count\": {random.Next(80)}, ");
        text.Append(f, $"\"netconn_count\": {random.Next(20)}, \"crossproc_count\": {random.Next(10)}, \"childproc_count\": {random.Next(19)}, ");
        text.Append(f, $"\"processblock_count\": 0, \"emet_count\": 0, \"emet_config\": \"\", \"filtering_known_dlls\": false, ");
        text.Append(f, $"\"logon_type\": {random.Next(2, 11)}, \"uid\": \"S-1-5-18\"");
        if (i % 5 == 0)
        {
            text.Append(f, $", \"watchlists\": [{{\"wid\": \"5\", \"value\": \"2016-05-20T07:30:05.2Z\"}}]");
        }

        text.Append('}');
    }

    /// <summary>A sensor as <c>GET /api/v1/sensor/{id}</c> returns it (numbers as strings, Postgres timestamps).</summary>
    public static byte[] Sensor() => Encoding.UTF8.GetBytes("""
        {"id": 1, "computer_name": "WIN7-HYPERV-2", "computer_dns_name": "WIN7-HYPERV-2", "computer_sid": "S-1-5-21-3345463512-2593329578-1447640012",
         "group_id": 1, "os_type": 1, "os_environment_id": 1, "os_environment_display_string": "Windows 7 Professional Service Pack 1, 32-bit",
         "build_id": 11, "build_version_string": "006.000.002.70329", "status": "Online", "uptime": "2166755", "sensor_uptime": "2166877",
         "last_checkin_time": "2018-02-06 12:44:33.883886-06:00", "next_checkin_time": "2018-02-06 12:45:03.881351-06:00",
         "registration_time": "2017-01-31 21:51:50.285876-06:00", "last_update": "2018-02-06 12:44:40.002234-06:00",
         "network_adapters": "192.168.1.163,00155d019c08|", "network_isolation_enabled": false, "is_isolating": false,
         "supports_isolation": true, "supports_cblr": true, "restart_queued": false, "uninstall": false, "uninstalled": null,
         "event_log_flush_time": null, "notes": null, "sensor_health_status": 95, "sensor_health_message": "Elevated memory usage",
         "num_eventlog_bytes": "33200", "num_storefiles_bytes": "0", "systemvolume_free_size": "4437213184",
         "physical_memory_size": "1073274880", "boot_id": "38", "display": true,
         "emet_version": "", "emet_exploit_action": " (Locally configured)", "emet_dump_flags": " (Locally configured)",
         "emet_process_count": 0, "emet_report_setting": " (Locally configured)", "emet_telemetry_path": "", "emet_is_gpo": false}
        """);

    private static string Guid(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 16):x8}-0000-{random.Next(0x10000):x4}-01d3-{Hex(random, 6)}");

    private static string Hex(Random random, int bytes)
    {
        byte[] data = new byte[bytes];
        random.NextBytes(data);
        return Convert.ToHexStringLower(data);
    }
}
