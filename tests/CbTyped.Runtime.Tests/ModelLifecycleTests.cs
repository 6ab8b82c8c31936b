using System.Collections.Concurrent;
using System.Text.Json;
using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

/// <summary>Get, create, save, refresh and delete of generated models, and the identity cache, over real HTTP.</summary>
public sealed class ModelLifecycleTests
{
    private static void ServeBox(LoopbackServer server, int id, string json, int delayMs = 0) =>
        server.Route("GET", $"/api/v1/sensor/{id}", async ctx =>
        {
            if (delayMs > 0)
                await Task.Delay(delayMs);
            await ctx.Response.WriteAsync(json);
        });

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(64)]
    public async Task N_concurrent_gets_of_one_key_make_exactly_one_request(int callers)
    {
        await using var server = await LoopbackServer.StartAsync();
        ServeBox(server, 3, """{"id":3,"computer_name":"HOST3"}""", delayMs: 200);
        using var client = TestClients.For(server);
        await client.GetServerInfoAsync();

        var boxes = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => client.GetAsync<Box>("3"))));

        Assert.Equal(1, server.CountRequests("GET", "/api/v1/sensor/3"));
        Assert.All(boxes, b => Assert.Same(boxes[0], b));
        Assert.Equal("HOST3", boxes[0].ComputerName);
        Assert.True(boxes[0].IsFull);
    }

    [Fact]
    public async Task The_cache_returns_one_instance_per_key_and_select_by_key_does_no_io()
    {
        await using var server = await LoopbackServer.StartAsync();
        ServeBox(server, 3, """{"id":3,"computer_name":"HOST3"}""");
        using var client = TestClients.For(server);

        var reference = client.Select<Box>("3");
        Assert.False(reference.IsFull);
        Assert.Equal(0, server.CountRequests("GET", "/api/v1/sensor/3"));

        var loaded = await client.GetAsync<Box>("3");
        var again = await client.GetAsync<Box>("3");

        Assert.Same(reference, loaded);
        Assert.Same(loaded, again);
        Assert.Same(loaded, client.Select<Box>("3"));
        Assert.Equal(1, server.CountRequests("GET", "/api/v1/sensor/3"));
        Assert.Equal("HOST3", client.Get<Box>("3").ComputerName);
    }

    [Fact]
    public async Task With_the_cache_off_every_get_is_a_request_and_a_new_object()
    {
        await using var server = await LoopbackServer.StartAsync();
        ServeBox(server, 3, """{"id":3}""");
        using var client = TestClients.For(server, o => o.Cache.Enabled = false);

        var first = await client.GetAsync<Box>("3");
        var second = await client.GetAsync<Box>("3");

        Assert.NotSame(first, second);
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/sensor/3"));
    }

    [Fact]
    public async Task A_missing_object_is_not_found_and_not_cached()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.For(server);
        var e = await Assert.ThrowsAsync<CbObjectNotFoundException>(() => client.GetAsync<Box>("404"));
        Assert.Equal("GET /api/v1/sensor/404", e.RequestLine);
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => client.GetAsync<Box>("404"));
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/sensor/404"));
    }

    [Fact]
    public async Task A_get_answered_with_an_array_of_one_reads_the_object_and_an_empty_array_is_not_found()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/watchlist/1", """[{"id":1,"name":"one"}]""");
        server.RouteJson("GET", "/api/v1/watchlist/2", "[]");
        using var client = TestClients.For(server);
        Assert.Equal("one", (await client.GetAsync<Rule>("1")).Name);
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => client.GetAsync<Rule>("2"));
    }

    [Fact]
    public async Task Creating_checks_required_fields_then_posts_without_the_key_and_refreshes_after_an_id_only_answer()
    {
        await using var server = await LoopbackServer.StartAsync();
        string? posted = null;
        server.Route("POST", "/api/v1/watchlist", async ctx =>
        {
            posted = await LoopbackServer.BodyOf(ctx);
            await ctx.Response.WriteAsync("""{"id": 11}""");
        });
        server.RouteJson("GET", "/api/v1/watchlist/11", """{"id":"11","name":"net","search_query":"q=net","enabled":true,"date_added":"2026-01-01"}""");
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server, o => o.LoggerFactory = logs);

        var rule = client.Create<Rule>();
        var invalid = await Assert.ThrowsAsync<CbInvalidObjectException>(() => client.SaveAsync(rule));
        Assert.StartsWith("Missing fields: [name, search_query]", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.CountRequests("POST", "/api/v1/watchlist"));

        rule.Name = "net";
        rule.SearchQuery = "q=net";
        await client.SaveAsync(rule);

        Assert.Equal(1, server.CountRequests("POST", "/api/v1/watchlist"));
        using (var body = JsonDocument.Parse(posted!))
        {
            Assert.False(body.RootElement.TryGetProperty("id", out _));
            Assert.Equal("net", body.RootElement.GetProperty("name").GetString());
        }
        Assert.Equal(11, rule.Id);
        Assert.True(rule.Enabled);
        Assert.False(rule.IsDirty);
        Assert.Contains("2026-01-01", rule.GetRawValue("date_added"), StringComparison.Ordinal);
        Assert.Same(rule, await client.GetAsync<Rule>("11")); // saved objects join the identity cache
        Assert.Equal(1, server.CountRequests("GET", "/api/v1/watchlist/11"));
        var lines = logs.Lines.Select(l => l.Message).ToList();
        Assert.Contains("Creating a new Rule object", lines);
        Assert.Contains("Received response: {\"id\": 11}", lines);
        Assert.Contains("Only received an ID back from the server, forcing a refresh", lines);
    }

    [Fact]
    public async Task Updating_puts_the_whole_document_with_unknown_fields_and_refreshes_after_success()
    {
        await using var server = await LoopbackServer.StartAsync();
        var document = """{"id":5,"name":"old","search_query":"q=a","enabled":true,"x_server_only":{"kept":[1,2]}}""";
        server.Route("GET", "/api/v1/watchlist/5", ctx => ctx.Response.WriteAsync(document));
        string? put = null;
        server.Route("PUT", "/api/v1/watchlist/5", async ctx =>
        {
            put = await LoopbackServer.BodyOf(ctx);
            document = put; // the server now has what was sent
            await ctx.Response.WriteAsync("""{"result":"success"}""");
        });
        using var client = TestClients.For(server);

        var rule = await client.GetAsync<Rule>("5");
        Assert.Same(rule, await client.SaveAsync(rule)); // nothing changed: no request
        Assert.Equal(0, server.CountRequests("PUT", "/api/v1/watchlist/5"));

        rule.Enabled = false;
        await client.SaveAsync(rule);

        using (var body = JsonDocument.Parse(put!))
        {
            Assert.False(body.RootElement.GetProperty("enabled").GetBoolean());
            Assert.Equal(5, body.RootElement.GetProperty("id").GetInt32());
            Assert.Equal("[1,2]", body.RootElement.GetProperty("x_server_only").GetProperty("kept").GetRawText());
        }
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/watchlist/5")); // the load and the refresh after success
        Assert.False(rule.IsDirty);
        Assert.False(rule.Enabled);
    }

    [Fact]
    public async Task A_result_other_than_success_is_a_server_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/watchlist/5", """{"id":5,"name":"a","search_query":"q"}""");
        server.RouteJson("PUT", "/api/v1/watchlist/5", """{"result":"failed"}""");
        using var client = TestClients.For(server);
        var rule = await client.GetAsync<Rule>("5");
        rule.Name = "b";
        var e = await Assert.ThrowsAsync<CbServerException>(() => client.SaveAsync(rule));
        Assert.Contains("Did not update Rule record", e.Message, StringComparison.Ordinal);
        Assert.Equal("PUT", e.Method);
    }

    [Fact]
    public async Task Saving_a_partial_object_loads_it_first_keeps_the_change_and_refreshes_after_a_204()
    {
        await using var server = await LoopbackServer.StartAsync();
        var document = """{"id":7,"computer_name":"HOST7","notes":"old","group_id":1}""";
        server.Route("GET", "/api/v1/sensor/7", ctx => ctx.Response.WriteAsync(document));
        string? put = null;
        server.Route("PUT", "/api/v1/sensor/7", async ctx =>
        {
            put = await LoopbackServer.BodyOf(ctx);
            document = put;
            ctx.Response.StatusCode = 204;
        });
        using var client = TestClients.For(server);

        var box = client.Select<Box>("7"); // a reference: only the key
        box.Notes = "isolate me";
        await client.SaveAsync(box);

        using (var body = JsonDocument.Parse(put!))
        {
            Assert.Equal("HOST7", body.RootElement.GetProperty("computer_name").GetString()); // from the load before the PUT
            Assert.Equal("isolate me", body.RootElement.GetProperty("notes").GetString());
            Assert.Equal(1, body.RootElement.GetProperty("group_id").GetInt32());
        }
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/sensor/7"));
        Assert.Equal("isolate me", box.Notes);
        Assert.True(box.IsFull);
    }

    [Fact]
    public async Task A_save_answered_with_the_object_takes_it_without_a_refresh()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("POST", "/api/v1/watchlist", """{"id":12,"name":"n","search_query":"q","enabled":false}""");
        using var client = TestClients.For(server);
        var rule = client.Create<Rule>();
        rule.Name = "n";
        rule.SearchQuery = "q";
        await client.SaveAsync(rule);
        Assert.Equal(12, rule.Id);
        Assert.Equal(0, server.CountRequests("GET", "/api/v1/watchlist/"));
    }

    [Fact]
    public async Task A_client_chosen_key_is_sent_on_create_and_a_POST_failure_surfaces_once()
    {
        await using var server = await LoopbackServer.StartAsync();
        var bodies = new ConcurrentQueue<string>();
        server.Route("POST", "/api/user", async ctx =>
        {
            bodies.Enqueue(await LoopbackServer.BodyOf(ctx));
            ctx.Response.StatusCode = 503;
        });
        using var client = TestClients.For(server);
        var member = client.Create<Member>();
        member.Username = "jgarman";
        member.FirstName = "Jason";

        await Assert.ThrowsAsync<CbServerException>(() => client.SaveAsync(member));

        var sent = Assert.Single(bodies); // never retried
        Assert.Contains("\"username\":\"jgarman\"", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_is_created_under_its_parent_url()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("POST", "/api/v1/watchlist/4/action", """{"id":30,"watchlist_id":4,"action_type":1}""");
        using var client = TestClients.For(server);
        var action = client.Create<RuleAction>();
        action.WatchlistId = 4;
        action.ActionType = 1;
        await client.SaveAsync(action);
        Assert.Equal(30, action.Id);
    }

    [Fact]
    public async Task Deleting_sends_delete_and_evicts_from_the_cache()
    {
        await using var server = await LoopbackServer.StartAsync();
        ServeBox(server, 9, """{"id":9}""");
        server.Route("DELETE", "/api/v1/sensor/9", ctx => { ctx.Response.StatusCode = 204; return Task.CompletedTask; });
        using var client = TestClients.For(server);

        var box = await client.GetAsync<Box>("9");
        await client.DeleteAsync(box);
        var after = await client.GetAsync<Box>("9");

        Assert.Equal(1, server.CountRequests("DELETE", "/api/v1/sensor/9"));
        Assert.NotSame(box, after);
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/sensor/9"));
        await Assert.ThrowsAsync<CbInvalidObjectException>(() => client.DeleteAsync(client.Create<Rule>()));
    }

    [Fact]
    public async Task Refreshing_replaces_the_data_and_concurrent_refreshes_share_one_request()
    {
        await using var server = await LoopbackServer.StartAsync();
        var name = "first";
        server.Route("GET", "/api/v1/sensor/5", async ctx =>
        {
            await Task.Delay(100);
            await ctx.Response.WriteAsync($$"""{"id":5,"computer_name":"{{name}}"}""");
        });
        using var client = TestClients.For(server);
        var box = await client.GetAsync<Box>("5");
        name = "second";

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.RefreshAsync(box)));

        Assert.Equal("second", box.ComputerName);
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/sensor/5"));
    }

    [Fact]
    public void A_model_without_a_create_route_cannot_be_created()
    {
        using var client = new CbResponseClient(new Uri("https://cb.example"), "t");
        var e = Assert.Throws<CbApiException>(() => client.Create<Proc>());
        Assert.Equal("Cannot create object of type Proc", e.Message);
    }
}
