using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Json;

/// <summary>Bans, watchlists, actions, feeds, reports and alerts as the server writes them.</summary>
internal static class AdminJson
{
    public static JsonObject Ban(BannedHash ban) => new()
    {
        ["md5hash"] = ban.Md5,
        ["text"] = ban.Text,
        ["enabled"] = ban.Enabled,
        ["username"] = ban.UserName,
        ["user_id"] = ban.UserId,
        ["timestamp"] = CbTime.Postgres(ban.Timestamp),
        ["block_count"] = ban.BlockCount,
        ["last_block_time"] = null,
        ["last_block_sensor_id"] = null,
        ["last_block_hostname"] = null,
        ["audit"] = new JsonArray([.. ban.Audit.Select(a => (JsonNode)new JsonObject
        {
            ["username"] = a.UserName,
            ["user_id"] = a.UserId,
            ["timestamp"] = CbTime.Postgres(a.Timestamp),
            ["text"] = a.Text,
            ["enabled"] = a.Enabled,
        })]),
    };

    /// <summary>A watchlist: <c>id</c> and the counters are strings, as on a real 6.x server.</summary>
    public static JsonObject Watchlist(Watchlist w) => new()
    {
        ["id"] = w.Id.ToString(CultureInfo.InvariantCulture),
        ["name"] = w.Name,
        ["index_type"] = w.IndexType,
        ["enabled"] = w.Enabled,
        ["readonly"] = w.ReadOnly,
        ["description"] = w.Description,
        ["search_query"] = w.SearchQuery,
        ["date_added"] = CbTime.Postgres(w.DateAdded),
        ["last_hit"] = w.LastHit is { } hit ? CbTime.Postgres(hit) : null,
        ["last_hit_count"] = w.LastHitCount,
        ["total_hits"] = w.TotalHits.ToString(CultureInfo.InvariantCulture),
        ["total_tags"] = w.TotalTags.ToString(CultureInfo.InvariantCulture),
        ["search_timestamp"] = w.SearchTimestamp,
        ["group_id"] = w.GroupId,
        ["alliance_id"] = null,
        ["from_alliance"] = false,
    };

    public static JsonObject Action(ActionRecord a) => new()
    {
        ["id"] = a.Id,
        ["action_type"] = a.ActionType,
        ["action_data"] = a.ActionData,
        ["watchlist_id"] = a.WatchlistId,
        ["group_id"] = a.GroupId,
    };

    public static JsonObject Feed(Feed f) => new()
    {
        ["id"] = f.Id,
        ["name"] = f.Name,
        ["display_name"] = f.DisplayName,
        ["enabled"] = f.Enabled,
        ["manually_added"] = f.ManuallyAdded,
        ["feed_url"] = f.FeedUrl,
        ["provider_url"] = f.ProviderUrl,
        ["summary"] = f.Summary,
        ["tech_data"] = f.TechData,
        ["icon"] = Icons.SmallPngBase64,
        ["icon_small"] = Icons.SmallPngBase64,
        ["provider_rating"] = f.ProviderRating,
        ["local_rating"] = f.LocalRating,
        ["category"] = f.Category,
        ["order"] = null,
        ["use_proxy"] = f.UseProxy,
        ["validate_server_cert"] = f.ValidateServerCert,
        ["username"] = f.Username,
        ["password"] = f.Password,
        ["ssl_client_crt"] = f.SslClientCrt,
        ["ssl_client_key"] = f.SslClientKey,
        ["requires"] = null,
        ["requires_who"] = null,
        ["requires_what"] = null,
    };

    public static JsonObject ThreatReport(ThreatReport r) => new()
    {
        ["id"] = r.ReportId,
        ["feed_id"] = r.FeedId,
        ["feed_name"] = r.FeedName,
        ["title"] = r.Title,
        ["link"] = r.Link,
        ["score"] = r.Score,
        ["severity_score"] = r.Score,
        ["timestamp"] = new DateTimeOffset(r.CreateTime).ToUnixTimeSeconds(),
        ["create_time"] = CbTime.Solr(r.CreateTime),
        ["update_time"] = CbTime.Solr(r.UpdateTime),
        ["is_ignored"] = r.IsIgnored,
        ["description"] = r.Description,
        ["feed_category"] = r.FeedCategory,
        ["tags"] = new JsonArray([.. r.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
        ["iocs"] = new JsonObject
        {
            ["md5"] = new JsonArray([.. r.Md5s.Select(v => (JsonNode)JsonValue.Create(v))]),
            ["ipv4"] = new JsonArray([.. r.IPv4s.Select(v => (JsonNode)JsonValue.Create(v))]),
            ["dns"] = new JsonArray([.. r.Domains.Select(v => (JsonNode)JsonValue.Create(v))]),
        },
    };

    public static JsonObject Alert(EmulatorState state, Alert a)
    {
        var process = a.Process;
        var sensor = state.SensorOf(process);
        return new JsonObject
        {
            ["unique_id"] = a.UniqueId,
            ["alert_type"] = a.AlertType,
            ["status"] = a.Status,
            ["assigned_to"] = a.AssignedTo,
            ["created_time"] = CbTime.Solr(a.CreatedTime),
            ["resolved_time"] = a.ResolvedTime is { } resolved ? CbTime.Solr(resolved) : null,
            ["feed_id"] = a.FeedId,
            ["feed_name"] = a.FeedName,
            ["watchlist_id"] = a.WatchlistId,
            ["watchlist_name"] = a.WatchlistName,
            ["ioc_type"] = a.IocType,
            ["ioc_value"] = a.IocValue,
            ["ioc_attr"] = "{\"highlights\": [\"PREPREPRE" + process.ProcessName + "POSTPOSTPOST\"]}",
            ["ioc_confidence"] = a.IocConfidence,
            ["report_score"] = a.ReportScore,
            ["feed_rating"] = 3,
            ["sensor_criticality"] = 3,
            ["alert_severity"] = a.AlertSeverity,
            ["sensor_id"] = process.SensorId,
            ["hostname"] = sensor?.ComputerName ?? "",
            ["group"] = sensor is null ? "" : state.GroupName(sensor.GroupId),
            ["os_type"] = process.OsType,
            ["username"] = process.UserName,
            ["process_name"] = process.ProcessName,
            ["process_path"] = process.Path,
            ["process_id"] = process.Id,
            ["process_unique_id"] = state.UniqueId(process),
            ["segment_id"] = state.SegmentId(process),
            ["md5"] = process.Md5,
            ["observed_filename"] = process.Path,
            ["total_hosts"] = 1,
            ["comms_ip"] = sensor?.IpAddress ?? "",
            ["interface_ip"] = sensor?.IpAddress ?? "",
            ["is_ignored"] = a.IsIgnored,
        };
    }
}
