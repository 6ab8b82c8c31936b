using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>Users, teams, bans.</summary>
public sealed class AdministrationTests : FreshEmulatorTest
{
    [Fact]
    public async Task Creating_the_walkthrough_user_shows_it_in_every_user_route()
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/user", new JsonObject
        {
            ["username"] = "jgarman",
            ["password"] = "cbisawesome",
            ["first_name"] = "Jason",
            ["last_name"] = "Garman",
            ["email"] = "jgarman@carbonblack.com",
            ["global_admin"] = false,
            ["teams"] = new JsonArray(),
        });
        Assert.Equal(200, status);
        Assert.Equal("{\"result\":\"success\"}", body!.ToJsonString());

        var user = await Client.GetJsonAsync("/api/user/jgarman");
        Assert.Equal(("Jason", "Garman", "jgarman@carbonblack.com", false), ((string?)user["first_name"], (string?)user["last_name"], (string?)user["email"], (bool)user["global_admin"]!));
        Assert.Empty(user["teams"]!.AsArray());
        Assert.Matches("^[0-9a-f]{40}$", (string)user["auth_token"]!);
        Assert.Null(user["password"]);
        Assert.Contains("jgarman", (await Client.GetJsonAsync("/api/users")).AsArray().Select(u => (string?)u!["username"]));

        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/user", new JsonObject { ["username"] = "jgarman" });
        Assert.Equal(409, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/user", new JsonObject { ["first_name"] = "NoName" });
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Users_are_updated_with_team_objects_and_deleted()
    {
        await Client.SendJsonAsync(HttpMethod.Post, "/api/user", new JsonObject { ["username"] = "temp", ["teams"] = new JsonArray(1) });
        Assert.Equal("Administrators", (string?)(await Client.GetJsonAsync("/api/user/temp"))["teams"]![0]!["name"]);
        var (status, _) = await Client.SendJsonAsync(HttpMethod.Put, "/api/user/temp", new JsonObject
        {
            ["first_name"] = "Changed",
            ["teams"] = new JsonArray(),
        });
        Assert.Equal(200, status);
        var user = await Client.GetJsonAsync("/api/user/temp");
        Assert.Equal("Changed", (string?)user["first_name"]);
        Assert.Empty(user["teams"]!.AsArray());
        (status, _) = await Client.SendJsonAsync(HttpMethod.Delete, "/api/user/temp");
        Assert.Equal(200, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Delete, "/api/user/temp");
        Assert.Equal(500, status);
    }

    [Fact]
    public async Task Teams_are_created_listed_renamed_and_deleted()
    {
        var (status, team) = await Client.SendJsonAsync(HttpMethod.Post, "/api/team", new JsonObject
        {
            ["name"] = "IR Team",
            ["group_access"] = new JsonArray(new JsonObject { ["group_id"] = 1, ["access_category"] = "Viewer" }),
        });
        Assert.Equal(200, status);
        var id = (int)team!["id"]!;
        Assert.Equal("Default Group", (string?)team["group_access"]![0]!["group_name"]);
        Assert.Equal(2, (await Client.GetJsonAsync("/api/teams")).AsArray().Count);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/team", new JsonObject { ["name"] = "ir team" });
        Assert.Equal(409, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/team", new JsonObject { ["name"] = " " });
        Assert.Equal(400, status);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/team/{id}", new JsonObject { ["name"] = "Incident Response" });
        Assert.Equal(200, status);
        Assert.Equal("Incident Response", (string?)(await Client.GetJsonAsync($"/api/team/{id}"))["name"]);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Delete, $"/api/team/{id}");
        Assert.Equal(200, status);
        using var gone = await Client.Http.GetAsync($"/api/team/{id}");
        Assert.Equal(500, (int)gone.StatusCode);
    }

    [Fact]
    public async Task Banning_a_hash_twice_is_409_and_delete_disables_then_repost_reenables()
    {
        const string md5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";
        var ban = new JsonObject { ["md5hash"] = md5, ["text"] = "Banned from API", ["enabled"] = true };
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/banning/blacklist", ban);
        Assert.Equal((200, "{\"result\":\"success\"}"), (status, body!.ToJsonString()));

        var stored = await Client.GetJsonAsync("/api/v1/banning/blacklist/" + md5.ToLowerInvariant());
        Assert.Equal((md5, "Banned from API", true, 0), ((string?)stored["md5hash"], (string?)stored["text"], (bool)stored["enabled"]!, (int)stored["block_count"]!));
        Assert.Single(stored["audit"]!.AsArray());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d$", (string)stored["timestamp"]!);

        (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/banning/blacklist", ban);
        Assert.Equal(409, status);
        Assert.Contains("already exists", (string)body!["message"]!, StringComparison.Ordinal);

        (status, _) = await Client.SendJsonAsync(HttpMethod.Delete, "/api/v1/banning/blacklist/" + md5);
        Assert.Equal(200, status);
        var disabled = await Client.GetJsonAsync("/api/v1/banning/blacklist/" + md5);
        Assert.False((bool)disabled["enabled"]!);
        Assert.Single((await Client.GetJsonAsync("/api/v1/banning/blacklist?count=10000")).AsArray());

        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/banning/blacklist", ban);
        Assert.Equal(200, status);
        Assert.True((bool)(await Client.GetJsonAsync("/api/v1/banning/blacklist/" + md5))["enabled"]!);
        Assert.Equal(3, (await Client.GetJsonAsync("/api/v1/banning/blacklist/" + md5))["audit"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_bans_are_404_and_bad_hashes_400()
    {
        using var missing = await Client.Http.GetAsync("/api/v1/banning/blacklist/00000000000000000000000000000000");
        Assert.Equal(404, (int)missing.StatusCode);
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Delete, "/api/v1/banning/blacklist/00000000000000000000000000000000");
        Assert.Equal(404, status);
        Assert.Contains("does not exist", (string)body!["message"]!, StringComparison.Ordinal);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/banning/blacklist", new JsonObject { ["md5hash"] = "xyz" });
        Assert.Equal(400, status);
    }
}
