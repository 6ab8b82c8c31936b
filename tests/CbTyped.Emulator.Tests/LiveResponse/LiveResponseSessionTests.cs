using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests.LiveResponse;

/// <summary>Live Response sessions: creation, check-in by polls, listing, closing.</summary>
public sealed class LiveResponseSessionTests : FreshEmulatorTest
{
    private LiveResponseDriver Driver => new(Client);

    [Fact]
    public async Task A_new_session_is_pending_with_the_sensors_details_and_turns_active_on_the_second_get()
    {
        var created = await Driver.CreateSessionAsync(3);
        Assert.Equal(1, (int)created["id"]!);
        Assert.Equal(3, (int)created["sensor_id"]!);
        Assert.Equal("pending", (string?)created["status"]);
        Assert.Equal("WIN-IA9NQ1GN8OI", (string?)created["hostname"]);
        Assert.Equal("10.0.2.15", (string?)created["address"]);
        Assert.Equal("Windows 7 Ultimate Edition Service Pack 1, 64-bit", (string?)created["os_version"]);
        Assert.Equal("c:\\windows\\system32", (string?)created["current_working_directory"]);
        Assert.Equal(["c:\\"], created["drives"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(
            ["put file", "get file", "delete file", "directory list", "reg enum key", "reg query value", "reg create key",
             "reg delete key", "reg delete value", "reg set value", "process list", "kill", "create process", "create directory", "memdump"],
            created["supported_commands"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(1200, (int)created["check_in_timeout"]!);
        Assert.Equal(300, (int)created["session_timeout"]!);
        Assert.Equal(120, (int)created["sensor_wait_timeout"]!);
        Assert.Equal("0", (string?)created["storage_size"]);
        Assert.Equal("7.0", created["storage_ttl"]!.ToJsonString());
        // The emulated clock starts at the data set's "now" (2016-11-16 09:50 UTC).
        Assert.InRange((double)created["create_time"]!, 1_479_289_800.0, 1_479_289_800.0 + 86_400);

        Assert.Equal("pending", (string?)(await Driver.GetSessionAsync(1))["status"]);
        Assert.Equal("active", (string?)(await Driver.GetSessionAsync(1))["status"]);
        Assert.Equal("active", (string?)(await Driver.GetSessionAsync(1))["status"]);
    }

    [Fact]
    public async Task A_session_of_an_offline_sensor_stays_pending()
    {
        var sid = (int)(await Driver.CreateSessionAsync(2))["id"]!;
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("pending", (string?)(await Driver.GetSessionAsync(sid))["status"]);
        }
    }

    [Fact]
    public async Task Unknown_sensors_sessions_and_commands_answer_404_with_a_reason()
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/cblr/session", new JsonObject { ["sensor_id"] = 99 });
        Assert.Equal(404, status);
        Assert.Equal("NOT_FOUND", (string?)body!["status"]);
        Assert.Equal("Sensor 99 not found", (string?)body["reason"]);

        foreach (var path in new[] { "/api/v1/cblr/session/42", "/api/v1/cblr/session/42/keepalive", "/api/v1/cblr/session/42/command/1", "/api/v1/cblr/session/42/file/1" })
        {
            (status, body) = await Client.SendJsonAsync(HttpMethod.Get, path);
            Assert.Equal(404, status);
            Assert.Equal("NOT_FOUND", (string?)body!["status"]);
            Assert.Equal("Session 42 not found", (string?)body["reason"]);
        }

        var sid = await Driver.OpenActiveSessionAsync();
        (status, body) = await Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cblr/session/{sid}/command/9");
        Assert.Equal(404, status);
        Assert.Equal("Command 9 not found", (string?)body!["reason"]);
        (status, body) = await Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cblr/session/{sid}/file/7");
        Assert.Equal(404, status);
        Assert.Equal("File 7 not found", (string?)body!["reason"]);
    }

    [Fact]
    public async Task The_list_holds_every_session_and_active_only_drops_closed_ones()
    {
        var first = await Driver.OpenActiveSessionAsync(3);
        var second = (int)(await Driver.CreateSessionAsync(2))["id"]!;
        var third = await Driver.OpenActiveSessionAsync(4);
        await CloseAsync(third);

        var all = (await Client.GetJsonAsync("/api/v1/cblr/session")).AsArray();
        Assert.Equal([(first, "active"), (second, "pending"), (third, "close")],
            all.Select(s => ((int)s!["id"]!, (string)s["status"]!)));
        var open = (await Client.GetJsonAsync("/api/v1/cblr/session?active_only=true")).AsArray();
        Assert.Equal([first, second], open.Select(s => (int)s!["id"]!));
    }

    [Fact]
    public async Task A_put_with_status_close_closes_the_session_and_other_puts_change_nothing()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/cblr/session/{sid}", new JsonObject { ["status"] = "bogus" });
        Assert.Equal(200, status);
        Assert.Equal("active", (string?)body!["status"]);

        var closed = await CloseAsync(sid);
        Assert.Equal("close", (string?)closed["status"]);
        Assert.Equal("close", (string?)(await Driver.GetSessionAsync(sid))["status"]);

        (status, body) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/cblr/session/{sid}", new JsonObject { ["status"] = "active" });
        Assert.Equal(200, status);
        Assert.Equal("close", (string?)body!["status"]);
    }

    [Fact]
    public async Task Keepalive_answers_ok_while_the_session_is_open()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cblr/session/{sid}/keepalive");
        Assert.Equal(200, status);
        Assert.Equal("OK", (string?)body!["status"]);
        await CloseAsync(sid);
        (status, _) = await Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cblr/session/{sid}/keepalive");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task A_closed_session_takes_no_commands_nor_uploads_and_says_session_not_found()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var command = await Driver.PostCommandAsync(sid, "process list");
        await CloseAsync(sid);

        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/cblr/session/{sid}/command",
            new JsonObject { ["session_id"] = sid, ["name"] = "process list" });
        Assert.Equal(404, status);
        Assert.Equal("NOT_FOUND", (string?)body!["status"]);
        Assert.StartsWith("Session", (string?)body["reason"], StringComparison.Ordinal);

        (status, body) = await Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cblr/session/{sid}/command/{(int)command["id"]!}");
        Assert.Equal(404, status);
        Assert.Equal($"Session {sid} not found", (string?)body!["reason"]);

        (status, body) = await Driver.UploadAsync(sid, "x.bin", [1, 2, 3]);
        Assert.Equal(404, status);
        Assert.Equal($"Session {sid} not found", (string?)body!["reason"]);
    }

    [Fact]
    public async Task A_command_name_that_is_not_one_of_the_15_is_a_400()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/cblr/session/{sid}/command",
            new JsonObject { ["session_id"] = sid, ["name"] = "format disk", ["object"] = "c:\\" });
        Assert.Equal(400, status);
        Assert.Equal("Unknown command format disk", (string?)body!["reason"]);
    }

    [Fact]
    public async Task A_command_waits_while_its_session_is_pending_and_completes_once_it_is_active()
    {
        var sid = (int)(await Driver.CreateSessionAsync(3))["id"]!;
        var cid = (int)(await Driver.PostCommandAsync(sid, "delete file", "c:\\users\\public\\readme.txt"))["id"]!;
        Assert.Equal(1, cid);
        Assert.Equal("pending", (string?)(await Driver.GetCommandAsync(sid, cid))["status"]);
        Assert.Equal("pending", (string?)(await Driver.GetCommandAsync(sid, cid))["status"]);

        await Driver.GetSessionAsync(sid);
        Assert.Equal("active", (string?)(await Driver.GetSessionAsync(sid))["status"]);
        var done = await Driver.GetCommandAsync(sid, cid);
        Assert.Equal("complete", (string?)done["status"]);
        Assert.Equal("c:\\users\\public\\readme.txt", (string?)done["object"]);
        Assert.Equal(sid, (int)done["session_id"]!);
        Assert.Equal(3, (int)done["sensor_id"]!);
        Assert.True((double)done["completion"]! >= (double)done["create_time"]!);
        Assert.Empty(await Driver.ListNamesAsync(sid, "c:\\users\\public\\"));
    }

    [Fact]
    public async Task A_cancelled_command_never_runs_and_the_command_list_shows_every_command()
    {
        var sid = (int)(await Driver.CreateSessionAsync(3))["id"]!;
        var cid = (int)(await Driver.PostCommandAsync(sid, "delete file", "c:\\users\\public\\readme.txt"))["id"]!;
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/cblr/session/{sid}/command/{cid}",
            new JsonObject { ["status"] = "cancel" });
        Assert.Equal(200, status);
        Assert.Equal("cancel", (string?)body!["status"]);

        await Driver.GetSessionAsync(sid);
        await Driver.GetSessionAsync(sid);
        Assert.Equal("cancel", (string?)(await Driver.GetCommandAsync(sid, cid))["status"]);
        Assert.Equal(["readme.txt"], await Driver.ListNamesAsync(sid, "c:\\users\\public\\"));

        var commands = (await Client.GetJsonAsync($"/api/v1/cblr/session/{sid}/command")).AsArray();
        Assert.Equal([(1, "delete file", "cancel"), (2, "directory list", "complete")],
            commands.Select(c => ((int)c!["id"]!, (string)c["name"]!, (string)c["status"]!)));
    }

    [Fact]
    public async Task The_archive_is_a_zip_of_the_session_and_its_commands()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        await Driver.RunOkAsync(sid, "process list");
        using var response = await Client.Http.GetAsync($"/api/v1/cblr/session/{sid}/archive");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("commands.json")!.Open());
        var commands = JsonNode.Parse(await reader.ReadToEndAsync())!.AsArray();
        Assert.Equal("process list", (string?)Assert.Single(commands)!["name"]);
    }

    [Fact]
    public async Task Sessions_created_at_the_same_time_get_distinct_ids()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Driver.CreateSessionAsync(i % 2 == 0 ? 3 : 4)));
        Assert.Equal(Enumerable.Range(1, 16), created.Select(s => (int)s["id"]!).Order());
    }

    [Fact]
    public async Task Concurrent_polls_of_one_command_run_it_once_and_concurrent_posts_get_distinct_ids()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var cid = (int)(await Driver.PostCommandAsync(sid, "create process", "cmd.exe /c ver", new JsonObject { ["wait"] = true }))["id"]!;
        var polls = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Driver.GetCommandAsync(sid, cid)));
        Assert.All(polls, p => Assert.Equal(6000, (int)p["pid"]!));
        Assert.Equal(6001, (int)(await Driver.RunOkAsync(sid, "create process", "cmd.exe /c ver"))["pid"]!);

        var posted = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Driver.PostCommandAsync(sid, "process list")));
        Assert.Equal(Enumerable.Range(3, 12), posted.Select(c => (int)c["id"]!).Order());
    }

    [Fact]
    public async Task Every_cblr_route_needs_the_token()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        using var anonymous = new EmulatorClient(Emulator, withToken: false);
        foreach (var path in new[] { "/api/v1/cblr/session", $"/api/v1/cblr/session/{sid}", $"/api/v1/cblr/session/{sid}/command" })
        {
            using var response = await anonymous.Http.GetAsync(path);
            Assert.Equal(401, (int)response.StatusCode);
        }

        using var post = await anonymous.Http.PostAsync("/api/v1/cblr/session", new StringContent("{\"sensor_id\":3}", new MediaTypeHeaderValue("application/json")));
        Assert.Equal(401, (int)post.StatusCode);
        Assert.Single((await Client.GetJsonAsync("/api/v1/cblr/session")).AsArray());
    }

    [Fact]
    public async Task The_session_not_found_fault_answers_the_cblr_404_so_a_client_retry_can_be_tested()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        Emulator.Faults.FailNext(Faults.EmulatorFault.LiveResponseSessionNotFound(), count: 1, pathPrefix: "/api/v1/cblr/session/", method: "POST");
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/cblr/session/{sid}/command",
            new JsonObject { ["session_id"] = sid, ["name"] = "process list" });
        Assert.Equal(404, status);
        Assert.Equal("NOT_FOUND", (string?)body!["status"]);
        Assert.Equal($"Session {sid} not found", (string?)body["reason"]);
        Assert.Empty((await Client.GetJsonAsync($"/api/v1/cblr/session/{sid}/command")).AsArray());

        // The rule is used up; the same request now goes through.
        Assert.Equal("complete", (string?)(await Driver.RunAsync(sid, "process list"))["status"]);
        Assert.Equal(Faults.FaultKind.LiveResponseSessionNotFound, Faults.EmulatorFault.Parse("cblr-404")!.Kind);
    }

    private async Task<JsonObject> CloseAsync(int sid)
    {
        var session = await Driver.GetSessionAsync(sid);
        session["status"] = "close";
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/cblr/session/{sid}", session);
        Assert.Equal(200, status);
        return body!.AsObject();
    }
}
