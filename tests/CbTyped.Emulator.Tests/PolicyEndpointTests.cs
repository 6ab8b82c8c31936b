using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>Site throttle rules and ingress filters: the CRUD routes.</summary>
public sealed class PolicyEndpointTests : FreshEmulatorTest
{
    [Fact]
    public async Task A_throttle_rule_is_created_listed_read_updated_and_deleted()
    {
        var (status, created) = await Client.SendJsonAsync(HttpMethod.Post, "/api/throttle", new JsonObject
        {
            ["site_id"] = 1, ["from"] = 480, ["to"] = 1020, ["day_of_week"] = 1, ["bytes_per_second"] = 65536.5,
        });
        Assert.Equal(200, status);
        var id = (int)created!["id"]!;

        var listed = Assert.Single((await Client.GetJsonAsync("/api/throttle")).AsArray());
        Assert.Equal(id, (int)listed!["id"]!);
        var rule = await Client.GetJsonAsync("/api/throttle/" + id);
        Assert.Equal((1, 480, 1020, 1, 65536.5), ((int)rule["site_id"]!, (int)rule["from"]!, (int)rule["to"]!, (int)rule["day_of_week"]!, (double)rule["bytes_per_second"]!));

        Assert.Equal(200, (await Client.SendJsonAsync(HttpMethod.Put, $"/api/throttle/{id}", new JsonObject { ["to"] = 1200, ["id"] = 99 })).Status);
        rule = await Client.GetJsonAsync("/api/throttle/" + id);
        Assert.Equal((id, 480, 1200), ((int)rule["id"]!, (int)rule["from"]!, (int)rule["to"]!));

        Assert.Equal(200, (await Client.SendJsonAsync(HttpMethod.Delete, $"/api/throttle/{id}")).Status);
        Assert.Equal(404, (await Client.SendJsonAsync(HttpMethod.Get, $"/api/throttle/{id}")).Status);
        Assert.Empty((await Client.GetJsonAsync("/api/throttle")).AsArray());
    }

    [Theory]
    [InlineData(7, 0, 10, 0, 1.0)] // no such site
    [InlineData(1, 600, 500, 0, 1.0)] // from after to
    [InlineData(1, 0, 1500, 0, 1.0)] // beyond the day
    [InlineData(1, 0, 10, 7, 1.0)] // no such day
    [InlineData(1, 0, 10, 0, -1.0)] // negative rate
    public async Task An_invalid_throttle_rule_is_refused(int site, int from, int to, int day, double rate)
    {
        var (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/throttle", new JsonObject
        {
            ["site_id"] = site, ["from"] = from, ["to"] = to, ["day_of_week"] = day, ["bytes_per_second"] = rate,
        });
        Assert.Equal(400, status);
        Assert.Empty((await Client.GetJsonAsync("/api/throttle")).AsArray());
    }

    [Fact]
    public async Task An_ingress_filter_is_posted_as_an_array_keeps_its_chosen_id_and_versions_on_update()
    {
        var (status, ids) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/ingress_whitelist", new JsonArray(new JsonObject
        {
            ["id"] = "f-1", ["name"] = "quiet updater", ["description"] = "drop updater noise", ["path_filters"] = new JsonArray(@"c:\updater\*"),
            ["hit_rate"] = 5.0,
        }));
        Assert.Equal(200, status);
        Assert.Equal("[\"f-1\"]", ids!.ToJsonString());

        var filter = await Client.GetJsonAsync("/api/v1/ingress_whitelist/f-1");
        Assert.Equal(("quiet updater", 1, 7, 0.0), ((string?)filter["name"], (int)filter["version"]!, (int)filter["os_mask"]!, (double)filter["hit_rate"]!));
        Assert.Equal(@"c:\updater\*", (string?)filter["path_filters"]![0]);

        Assert.Equal(200, (await Client.SendJsonAsync(HttpMethod.Put, "/api/v1/ingress_whitelist/f-1", new JsonObject { ["enabled"] = false, ["id"] = "other" })).Status);
        filter = await Client.GetJsonAsync("/api/v1/ingress_whitelist/f-1");
        Assert.Equal(("f-1", false, 2), ((string?)filter["id"], (bool)filter["enabled"]!, (int)filter["version"]!));

        Assert.Equal(409, (await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/ingress_whitelist", new JsonArray(new JsonObject { ["id"] = "f-1", ["name"] = "again" }))).Status);
        Assert.Equal(400, (await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/ingress_whitelist", new JsonObject { ["id"] = "f-2", ["name"] = "not an array" })).Status);

        var (_, generated) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/ingress_whitelist", new JsonArray(new JsonObject { ["name"] = "no id" }));
        Assert.True(Guid.TryParse((string?)generated![0], out _));
        Assert.Equal(2, (await Client.GetJsonAsync("/api/v1/ingress_whitelist")).AsArray().Count);

        Assert.Equal(200, (await Client.SendJsonAsync(HttpMethod.Delete, "/api/v1/ingress_whitelist/f-1")).Status);
        Assert.Equal(404, (await Client.SendJsonAsync(HttpMethod.Get, "/api/v1/ingress_whitelist/f-1")).Status);
    }
}
