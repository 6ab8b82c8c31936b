using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>
/// Shapes against the real server's sample answers: every key the real server's sample carries is
/// present, with the JSON type the real server uses (some "numbers" are strings).
/// </summary>
[Collection(SeedEmulatorTests.Name)]
public sealed class ShapeTests(SeedEmulatorFixture fixture)
{
    private EmulatorClient Client => fixture.Client;

    private static void HasKeys(JsonNode? node, params string[] keys)
    {
        var obj = Assert.IsType<JsonObject>(node);
        var missing = keys.Where(k => !obj.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "missing keys: " + string.Join(", ", missing));
    }

    private static void IsString(JsonNode? node, string key) => Assert.Equal(System.Text.Json.JsonValueKind.String, node![key]!.GetValueKind());

    private static void IsNumber(JsonNode? node, string key) => Assert.Equal(System.Text.Json.JsonValueKind.Number, node![key]!.GetValueKind());

    [Fact]
    public async Task Server_info_has_the_6_2_keys()
    {
        var info = await Client.GetJsonAsync("/api/info");
        HasKeys(info, "version", "version_release", "cblrEnabled", "banningEnabled", "maxSearchResultRows", "processPageSize",
            "binaryPageSize", "searchExportCount", "linuxInstallerExists", "osxInstallerExists", "liveResponseAutoAttach",
            "timestampDeltaThreshold", "maxRowsSolrReportQuery", "vdiGloballyEnabled", "cloud_install", "processOrder", "binaryOrder", "features");
        HasKeys(info["features"], "immutable_documents", "event_exclusions", "thirdparty_sharing", "ipv6_support");
    }

    [Fact]
    public async Task The_process_search_envelope_and_item_match_a_6_x_server()
    {
        var page = await Client.GetJsonAsync("/api/v1/process?q=process_name%3Aservices.exe&rows=1");
        HasKeys(page, "results", "total_results", "start", "elapsed", "terms", "facets", "highlights", "tagged_pids", "filtered",
            "comprehensive_search", "all_segments", "incomplete_results");
        var item = page["results"]![0];
        HasKeys(item, "id", "unique_id", "segment_id", "parent_id", "parent_unique_id", "parent_name", "parent_pid", "parent_md5",
            "process_name", "process_pid", "process_md5", "path", "cmdline", "username", "hostname", "group", "sensor_id", "host_type",
            "os_type", "start", "last_update", "last_server_update", "terminated", "comms_ip", "interface_ip", "modload_count",
            "filemod_count", "regmod_count", "netconn_count", "crossproc_count", "childproc_count", "processblock_count",
            "emet_count", "emet_config", "filtering_known_dlls");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$", (string)item!["start"]!);
        Assert.Equal(49, ((string)item["unique_id"]!).Length);
        Assert.EndsWith("-000000000001", (string)item["parent_unique_id"]!, StringComparison.Ordinal);
        Assert.Equal("process_name:services.exe", (string?)page["terms"]![0]);
    }

    [Fact]
    public async Task Facets_carry_value_percent_and_ratio()
    {
        var page = await Client.GetJsonAsync("/api/v1/process?q=&rows=0&facet=true&facet.field=process_name&facet.field=host_type");
        var buckets = page["facets"]!["process_name"]!.AsArray();
        Assert.NotEmpty(buckets);
        HasKeys(buckets[0], "name", "value", "percent", "ratio");
        Assert.Equal(100, (int)buckets[0]!["percent"]!);
        var counts = buckets.Select(b => (int)b!["value"]!).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.NotNull(page["facets"]!["host_type"]);
    }

    [Fact]
    public async Task The_binary_item_matches_a_6_2_server()
    {
        var page = await Client.GetJsonAsync("/api/v1/binary?q=md5%3A79B6D4C5283FC806387C55B8D7C8B762");
        HasKeys(page, "results", "total_results", "start", "elapsed", "terms", "facets", "highlights");
        var binary = page["results"]![0];
        HasKeys(binary, "md5", "host_count", "original_filename", "observed_filename", "orig_mod_len", "copied_mod_len",
            "is_executable_image", "is_64bit", "os_type", "company_name", "product_name", "product_version", "file_version",
            "file_desc", "internal_name", "signed", "digsig_result", "digsig_result_code", "digsig_publisher", "digsig_sign_time",
            "server_added_timestamp", "last_seen", "endpoint", "group", "event_partition_id", "facet_id", "cb_version");
        Assert.Equal("WIN-IA9NQ1GN8OI|3", (string?)binary!["endpoint"]![0]);
        IsString(binary, "digsig_result_code");
    }

    [Fact]
    public async Task The_sensor_keeps_string_numbers()
    {
        var sensor = await Client.GetJsonAsync("/api/v1/sensor/1");
        HasKeys(sensor, "id", "computer_name", "computer_dns_name", "computer_sid", "group_id", "os_type", "os_environment_id",
            "os_environment_display_string", "build_id", "build_version_string", "status", "uptime", "sensor_uptime",
            "last_checkin_time", "next_checkin_time", "registration_time", "last_update", "network_adapters",
            "network_isolation_enabled", "is_isolating", "supports_isolation", "supports_cblr", "restart_queued", "uninstall",
            "uninstalled", "event_log_flush_time", "notes", "sensor_health_status", "sensor_health_message",
            "num_eventlog_bytes", "num_storefiles_bytes", "systemvolume_free_size", "physical_memory_size", "boot_id", "display");
        foreach (var key in new[] { "uptime", "num_eventlog_bytes", "num_storefiles_bytes", "systemvolume_free_size", "physical_memory_size", "boot_id" })
        {
            IsString(sensor, key);
        }

        IsNumber(sensor, "id");
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d$", (string)sensor["last_checkin_time"]!);
        Assert.Equal("192.168.1.163,00155d019c08|", (string?)sensor["network_adapters"]);
    }

    [Fact]
    public async Task Groups_users_teams_watchlists_feeds_and_alerts_have_the_documented_keys()
    {
        HasKeys((await Client.GetJsonAsync("/api/group"))[0], "id", "name", "site_id", "sensorbackend_server", "alert_criticality",
            "banning_enabled", "collect_cross_procs", "collect_filemods", "collect_netconns", "collect_processes", "datastore_server",
            "max_licenses", "quota_eventlog_bytes", "quota_storefile_bytes", "sensor_exe_name", "sensor_version", "tamper_level",
            "vdi_enabled", "team_access");
        HasKeys((await Client.GetJsonAsync("/api/users"))[0], "username", "first_name", "last_name", "global_admin", "auth_token", "email", "teams");
        HasKeys((await Client.GetJsonAsync("/api/teams"))[0], "id", "name", "group_access");
        var watchlist = await Client.GetJsonAsync("/api/v1/watchlist/1");
        HasKeys(watchlist, "id", "name", "index_type", "enabled", "readonly", "description", "search_query", "date_added", "last_hit",
            "last_hit_count", "total_hits", "total_tags", "search_timestamp", "group_id");
        IsString(watchlist, "id");
        IsString(watchlist, "total_hits");
        HasKeys((await Client.GetJsonAsync("/api/v1/feed"))[0], "id", "name", "display_name", "enabled", "manually_added", "feed_url",
            "provider_url", "summary", "tech_data", "icon", "icon_small", "provider_rating", "local_rating", "category", "order",
            "use_proxy", "validate_server_cert", "username", "password", "ssl_client_crt", "ssl_client_key", "requires");
        var alert = (await Client.GetJsonAsync("/api/v1/alert?q=&rows=1"))["results"]![0];
        HasKeys(alert, "unique_id", "alert_type", "status", "assigned_to", "created_time", "resolved_time", "feed_id", "feed_name",
            "watchlist_id", "watchlist_name", "ioc_type", "ioc_attr", "ioc_confidence", "report_score", "feed_rating",
            "sensor_criticality", "alert_severity", "sensor_id", "hostname", "group", "os_type", "username", "process_name",
            "process_path", "process_id", "process_unique_id", "segment_id", "md5", "total_hosts", "comms_ip", "interface_ip");
        HasKeys(await Client.GetJsonAsync("/api/v1/storage/events/partition"), "cbevents_2016_11_14_0000");
        Assert.Equal("[{\"id\":1,\"name\":\"Default Site\",\"group_ids\":[]}]", (await Client.GetJsonAsync("/api/site")).ToJsonString());
    }

    [Fact]
    public async Task Unknown_routes_are_json_404s()
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Get, "/api/v9/nothing");
        Assert.Equal(404, status);
        Assert.Equal("not_found", (string?)body!["reason"]);
    }
}
