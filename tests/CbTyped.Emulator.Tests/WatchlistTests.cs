using System.Text.Json.Nodes;
using System.Web;

namespace CbTyped.Emulator.Tests;

/// <summary>Watchlists and their actions.</summary>
public sealed class WatchlistTests : FreshEmulatorTest
{
    private const string CreateQuery = "facet=false&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&cb.urlver=1&sort=last_update+desc";

    private async Task<int> CreateAsync(string name = "[WARN] Attempts to mount internal share", string query = CreateQuery)
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/watchlist", new JsonObject
        {
            ["id"] = null,
            ["index_type"] = "events",
            ["name"] = name,
            ["search_query"] = query,
        });
        Assert.Equal(200, status);
        Assert.Single(body!.AsObject());
        return (int)body["id"]!;
    }

    [Fact]
    public async Task Creating_answers_only_the_id_222_and_the_get_has_the_defaults()
    {
        var id = await CreateAsync();
        Assert.Equal(222, id);
        var watchlist = await Client.GetJsonAsync("/api/v1/watchlist/222");
        Assert.Equal("222", (string?)watchlist["id"]);
        Assert.Equal("[WARN] Attempts to mount internal share", (string?)watchlist["name"]);
        Assert.Equal("events", (string?)watchlist["index_type"]);
        Assert.True((bool)watchlist["enabled"]!);
        Assert.False((bool)watchlist["readonly"]!);
        Assert.Equal(-1, (int)watchlist["group_id"]!);
        Assert.Equal("2", (string?)watchlist["total_hits"]);
        Assert.Equal(2, (int)watchlist["last_hit_count"]!);

        // Stored as a real server re-serialises it: %20 for spaces and no sort.
        Assert.Equal("facet=false&q=process_name%3Anet.exe%20cmdline%3A%5C%5Ctest%5Cblah&cb.urlver=1", (string?)watchlist["search_query"]);
        var decoded = HttpUtility.ParseQueryString((string)watchlist["search_query"]!);
        Assert.Equal(@"process_name:net.exe cmdline:\\test\blah", decoded["q"]);
        Assert.Equal(223, await CreateAsync("second"));
    }

    [Fact]
    public async Task Selecting_by_name_and_running_the_query_counts_two()
    {
        await CreateAsync();
        var matches = (await Client.GetJsonAsync("/api/v1/watchlist")).AsArray()
            .Where(w => string.Equals((string?)w!["name"], "[warn] attempts to mount internal share", StringComparison.OrdinalIgnoreCase)).ToList();
        var watchlist = Assert.Single(matches)!;
        var count = await Client.GetJsonAsync("/api/v1/process?" + watchlist["search_query"] + "&rows=0&start=0");
        Assert.Equal(2, (int)count["total_results"]!);
        var tagged = await Client.GetJsonAsync("/api/v1/process?q=watchlist_222%3A%2A&rows=10");
        Assert.Equal(2, (int)tagged["total_results"]!);
        Assert.Equal("222", (string?)tagged["results"]![0]!["watchlists"]![0]!["wid"]);
    }

    [Fact]
    public async Task Disabling_with_a_full_put_keeps_every_field()
    {
        var id = await CreateAsync();
        var watchlist = (await Client.GetJsonAsync($"/api/v1/watchlist/{id}")).AsObject();
        watchlist["enabled"] = false;
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/watchlist/{id}", watchlist);
        Assert.Equal((200, "{\"result\":\"success\"}"), (status, body!.ToJsonString()));
        var after = await Client.GetJsonAsync($"/api/v1/watchlist/{id}");
        Assert.False((bool)after["enabled"]!);
        Assert.Equal((string?)watchlist["search_query"], (string?)after["search_query"]);
        Assert.Equal((string?)watchlist["date_added"], (string?)after["date_added"]);

        watchlist["no_such_field"] = 1;
        (status, _) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/watchlist/{id}", watchlist);
        Assert.Equal(500, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/watchlist/{id}");
        Assert.Equal(200, status);
        using var gone = await Client.Http.GetAsync($"/api/v1/watchlist/{id}");
        Assert.Equal(404, (int)gone.StatusCode);
    }

    [Fact]
    public async Task Bad_ids_are_400_and_missing_ones_404()
    {
        using var bad = await Client.Http.GetAsync("/api/v1/watchlist/bad_id");
        Assert.Equal(400, (int)bad.StatusCode);
        using var missing = await Client.Http.GetAsync("/api/v1/watchlist/-1");
        Assert.Equal(404, (int)missing.StatusCode);
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/watchlist", new JsonObject
        {
            ["name"] = "broken",
            ["search_query"] = "cb.urlver=1&q=%28process_name%3Anet.exe",
        });
        Assert.Equal(400, status);
        Assert.Equal("query_malformed_syntax", (string?)body!["reason"]);
    }

    [Fact]
    public async Task An_alert_action_raises_alerts_for_the_hits()
    {
        var id = await CreateAsync();
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/watchlist/{id}/action", new JsonObject
        {
            ["action_type"] = 3,
            ["action_data"] = "{\"email_recipients\":[1]}",
            ["watchlist_id"] = id,
            ["group_id"] = -1,
        });
        Assert.Equal(200, status);
        var actionId = (int)body!["action_id"]!;
        var actions = (await Client.GetJsonAsync($"/api/v1/watchlist/{id}/action")).AsArray();
        Assert.Equal(3, (int)actions.Single()!["action_type"]!);

        var alerts = await Client.GetJsonAsync($"/api/v1/alert?q=watchlist_id%3A{id}&rows=10");
        Assert.Equal(2, (int)alerts["total_results"]!);
        Assert.All(alerts["results"]!.AsArray(), a => Assert.Equal("Unresolved", (string?)a!["status"]));

        (status, _) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/watchlist/{id}/action/{actionId}", new JsonObject { ["action_type"] = 0 });
        Assert.Equal(200, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/watchlist/{id}/action/{actionId}");
        Assert.Equal(200, status);
        Assert.Empty((await Client.GetJsonAsync($"/api/v1/watchlist/{id}/action")).AsArray());
    }

    [Fact]
    public async Task Seed_watchlists_have_already_run()
    {
        var credential = await Client.GetJsonAsync("/api/v1/watchlist/3");
        Assert.Equal("1", (string?)credential["total_hits"]);
        var tagged = await Client.GetJsonAsync("/api/v1/process?q=watchlist_3%3A%2A&rows=1");
        Assert.Equal("mimikatz.exe", (string?)tagged["results"]![0]!["process_name"]);
    }
}
