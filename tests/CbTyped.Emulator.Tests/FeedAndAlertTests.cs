using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>Feeds, their actions, threat reports and alerts.</summary>
public sealed class FeedAndAlertTests : FreshEmulatorTest
{
    [Fact]
    public async Task Feeds_are_created_synchronized_disabled_and_deleted()
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/feed", new JsonObject
        {
            ["feed_url"] = "https://feeds.example.com/ioc.json",
            ["enabled"] = true,
            ["use_proxy"] = false,
            ["validate_server_cert"] = true,
        });
        Assert.Equal(200, status);
        var id = (int)body!["id"]!;
        var feed = (await Client.GetJsonAsync("/api/v1/feed")).AsArray().Single(f => (int)f!["id"]! == id)!;
        Assert.Equal("https://feeds.example.com/ioc.json", (string?)feed["feed_url"]);
        Assert.True((bool)feed["manually_added"]!);

        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/feed/{id}/synchronize", new JsonObject { ["full_sync"] = true });
        Assert.Equal(200, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/feed/{id}", new JsonObject { ["enabled"] = false });
        Assert.Equal(200, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/feed/{id}/synchronize", new JsonObject { ["full_sync"] = true });
        Assert.Equal(409, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/feed", new JsonObject { ["feed_url"] = "ftp://nope" });
        Assert.Equal(400, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/feed/{id}");
        Assert.Equal(200, status);
        Assert.DoesNotContain((await Client.GetJsonAsync("/api/v1/feed")).AsArray(), f => (int)f!["id"]! == id);
    }

    [Fact]
    public async Task Feed_actions_are_listed_updated_and_removed()
    {
        var (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/feed/1/action", new JsonObject
        {
            ["action_type"] = 3,
            ["action_data"] = "{}",
            ["group_id"] = 1,
            ["watchlist_id"] = null,
        });
        Assert.Equal(200, status);
        var action = (await Client.GetJsonAsync("/api/v1/feed/1/action")).AsArray().Single()!;
        Assert.Equal(1, (int)action["group_id"]!);
        var actionId = (int)action["id"]!;
        (status, _) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/feed/1/action/{actionId}", new JsonObject { ["action_type"] = 1 });
        Assert.Equal(200, status);
        Assert.Equal(1, (int)(await Client.GetJsonAsync("/api/v1/feed/1/action"))[0]!["action_type"]!);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/feed/1/action/{actionId}");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Threat_reports_are_searched_and_bulk_ignored()
    {
        var all = await Client.GetJsonAsync("/api/v1/threat_report?cb.urlver=1&q=&rows=10&start=0");
        Assert.Equal(3, (int)all["total_results"]!);
        Assert.Equal([90, 70, 50], all["results"]!.AsArray().Select(r => (int)r!["severity_score"]!)); // severity_score desc

        var report = await Client.GetJsonAsync("/api/v1/feed/1/report/mimikatz-2016-11");
        Assert.Equal("abusech", (string?)report["feed_name"]);
        Assert.False((bool)report["is_ignored"]!);

        var (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/threat_report", new JsonObject
        {
            ["ids"] = new JsonObject { ["1"] = new JsonArray("mimikatz-2016-11") },
            ["updates"] = new JsonObject { ["is_ignored"] = true },
        });
        Assert.Equal(200, status);
        Assert.True((bool)(await Client.GetJsonAsync("/api/v1/feed/1/report/mimikatz-2016-11"))["is_ignored"]!);
        var ignored = await Client.GetJsonAsync("/api/v1/threat_report?q=is_ignored%3Atrue&rows=10");
        Assert.Equal("mimikatz-2016-11", (string?)ignored["results"]!.AsArray().Single()!["id"]);

        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/threat_report", new JsonObject
        {
            ["query"] = "cb.urlver=1&q=feed_name%3Acbbanning",
            ["updates"] = new JsonObject { ["is_ignored"] = true },
        });
        Assert.Equal(200, status);
        Assert.Equal(2, (int)(await Client.GetJsonAsync("/api/v1/threat_report?q=is_ignored%3Atrue&rows=0"))["total_results"]!);
    }

    [Fact]
    public async Task Alerts_are_searched_and_resolved_one_at_a_time_or_in_bulk()
    {
        var unresolved = await Client.GetJsonAsync("/api/v2/alert?q=status%3Aunresolved&rows=10&sort=created_time+desc");
        Assert.Equal(2, (int)unresolved["total_results"]!);
        var first = unresolved["results"]![0]!;
        var id = (string)first["unique_id"]!;
        Assert.Null(first["assigned_to"]);

        var single = await Client.GetJsonAsync("/api/v2/alert?cb.fq.unique_id=" + id);
        Assert.Equal(1, (int)single["total_results"]!);

        var (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/alert/" + id, new JsonObject { ["unique_id"] = id, ["status"] = "Resolved" });
        Assert.Equal(200, status);
        var resolved = (await Client.GetJsonAsync("/api/v2/alert?cb.fq.unique_id=" + id))["results"]![0]!;
        Assert.Equal("Resolved", (string?)resolved["status"]);
        Assert.Equal("admin", (string?)resolved["assigned_to"]);
        Assert.NotNull(resolved["resolved_time"]);

        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/alerts", new JsonObject
        {
            ["query"] = "q=status%3Aunresolved",
            ["requested_status"] = "False Positive",
            ["set_ignored"] = true,
        });
        Assert.Equal(200, status);
        Assert.Equal(0, (int)(await Client.GetJsonAsync("/api/v1/alert?q=status%3Aunresolved&rows=0"))["total_results"]!);
        Assert.Equal(1, (int)(await Client.GetJsonAsync("/api/v1/alert?q=status%3A%22false+positive%22&rows=0"))["total_results"]!);

        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/alerts", new JsonObject
        {
            ["alert_ids"] = new JsonArray(id),
            ["requested_status"] = "Unresolved",
        });
        Assert.Equal(200, status);
        var reopened = (await Client.GetJsonAsync("/api/v2/alert?cb.fq.unique_id=" + id))["results"]![0]!;
        Assert.Equal("Unresolved", (string?)reopened["status"]);
        Assert.Null(reopened["resolved_time"]);

        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/alert/" + id, new JsonObject { ["status"] = "Bogus" });
        Assert.Equal(400, status);
    }
}
