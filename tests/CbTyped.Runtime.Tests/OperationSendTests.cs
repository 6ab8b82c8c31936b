using System.Text.Json;
using Microsoft.AspNetCore.Http;
using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;

namespace CbTyped.Runtime.Tests;

/// <summary>Generated operations (Specs/Crate.model.yaml) against the loopback server: requests sent, answers read.</summary>
public sealed class OperationSendTests
{
    [Fact]
    public async Task Query_parameters_are_escaped_repeated_for_lists_and_left_out_when_null()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/crate/count", "\"42\"");
        using var client = TestClients.For(server);

        Assert.Equal(42, await Crate.CountAsync(client, ["a b", "c&d"], label: "x/y", minWeight: 1.5));
        Assert.Equal(42, Crate.Count(client, [])); // the synchronous twin

        var sent = server.Requests.Where(r => r.StartsWith("GET /api/crate/count", StringComparison.Ordinal)).ToList();
        Assert.Equal(["GET /api/crate/count?tags=a%20b&tags=c%26d&label=x%2Fy&min_weight=1.5", "GET /api/crate/count"], sent);
    }

    [Fact]
    public async Task A_name_keyed_answer_is_read_in_name_order_with_escaped_names_and_unknown_members_kept()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/crate/by_label", """{"z\u00e9":{"id":2,"label":"z\u00e9","extra":[1]},"a":{"id":1,"label":"a"},"skip":7}""");
        using var client = TestClients.For(server);

        var crates = await Crate.ByLabelAsync(client);

        Assert.Equal(["a", "zé"], crates.Select(c => c.Label));
        Assert.Equal([1, 2], crates.Select(c => c.Id));
        Assert.Equal("[1]", Assert.Single(crates[1].GetUnknownFields()).Value);
        Assert.All(crates, c => Assert.Same(client, c.Client));
    }

    [Fact]
    public async Task A_list_answer_may_be_an_array_or_a_search_envelope()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/crate/search", """{"results":[{"id":5},{"id":6}],"total_results":2}""");
        using var client = TestClients.For(server);

        Assert.Equal([5, 6], (await Crate.SearchAsync(client, "w:1")).Select(c => c.Id));

        server.RouteJson("GET", "/api/crate/search", "[{\"id\":7}]");
        Assert.Equal(7, Assert.Single(await Crate.SearchAsync(client, "w:1")).Id);
        Assert.Contains("GET /api/crate/search?q=w%3A1", server.Requests);
    }

    [Fact]
    public async Task Scalars_read_strings_numbers_and_booleans_and_empty_is_null()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/crate/3", """{"id":3,"label":"box"}""");
        server.RouteJson("GET", "/api/crate/3/label", "\"tea \\\"green\\\"\"");
        server.RouteJson("GET", "/api/crate/3/open", "\"true\"");
        using var client = TestClients.For(server);
        var crate = await client.GetAsync<Crate>("3");

        Assert.Equal("tea \"green\"", await crate.LabelOfAsync());
        Assert.True(await crate.IsOpenAsync());

        server.RouteJson("GET", "/api/crate/3/open", "");
        Assert.Null(await crate.IsOpenAsync());
        server.RouteJson("GET", "/api/crate/3/open", "\"maybe\"");
        var error = await Assert.ThrowsAsync<CbServerException>(() => crate.IsOpenAsync());
        Assert.Equal("/api/crate/3/open", error.Path);
    }

    [Fact]
    public async Task An_error_message_in_a_successful_answer_is_a_server_error_naming_the_request()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/crate/3", """{"id":3}""");
        server.RouteJson("GET", "/api/crate/3/label", """{"errorMessage":"label store offline"}""");
        using var client = TestClients.For(server);
        var crate = await client.GetAsync<Crate>("3");

        var error = await Assert.ThrowsAsync<CbServerException>(() => crate.LabelOfAsync());

        Assert.Equal("label store offline", error.ServerMessage);
        Assert.Equal(("GET", "/api/crate/3/label"), (error.Method, error.Path));
        Assert.DoesNotContain(server.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_route_variant_follows_the_server_version_and_the_answer_is_a_new_attached_model()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/crate/3", """{"id":3}""");
        string? body = null;
        server.Route("POST", "/api/v2/crate/3/split", async ctx =>
        {
            body = await LoopbackServer.BodyOf(ctx);
            await ctx.Response.WriteAsync("""{"id":4,"label":"half"}""");
        });
        using var client = TestClients.For(server);
        var crate = await client.GetAsync<Crate>("3");

        var half = await crate.SplitAsync();

        Assert.Equal((4, "half"), (half.Id, half.Label));
        Assert.Same(client, half.Client);
        using var sent = JsonDocument.Parse(body!);
        Assert.Equal(2, sent.RootElement.GetProperty("parts").GetInt32()); // the spec's default
        Assert.False(sent.RootElement.TryGetProperty("note", out _));    // optional and null: left out

        server.InfoJson = """{"version":"5.2.0.161004.1206"}""";
        server.RouteJson("POST", "/api/v1/crate/3/split", """{"id":5}""");
        using var older = TestClients.For(server);
        var old = await older.GetAsync<Crate>("3");
        Assert.Equal(5, (await old.SplitAsync(parts: 3, note: "n")).Id);
    }

    [Fact]
    public async Task Below_the_minimum_version_nothing_is_sent()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/crate/3", """{"id":3}""");
        using var client = TestClients.For(server);
        var crate = await client.GetAsync<Crate>("3");

        var error = await Assert.ThrowsAsync<CbUnsupportedServerException>(() => crate.SealAsync());

        Assert.Equal(("Crate.SealAsync", "6.2.0.171114.1158"), (error.Operation, error.ServerVersion));
        Assert.Contains("version 7.0 or newer", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.CountRequests("POST", "/api/crate/3/seal"));
    }

    [Fact]
    public async Task A_changes_body_sends_only_what_changed_and_load_reads_the_answer_into_the_instance()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/crate/3", """{"id":3,"label":"old","weight":2.5}""");
        string? body = null;
        server.Route("PUT", "/api/crate/3", async ctx =>
        {
            body = await LoopbackServer.BodyOf(ctx);
            await ctx.Response.WriteAsync("""{"id":3,"label":"new","weight":2.5,"audit":"x"}""");
        });
        using var client = TestClients.For(server);
        var crate = await client.GetAsync<Crate>("3");
        crate.Label = "new";

        await crate.RelabelAsync();

        Assert.Equal("""{"label":"new"}""", body);
        Assert.Equal("new", crate.Label);
        Assert.False(crate.IsDirty);
        Assert.Equal("\"x\"", crate.GetRawValue("audit"));
    }

    [Fact]
    public async Task An_instance_operation_needs_a_client_and_a_value_for_its_route()
    {
        var detached = Crate.ModelInfo.CreateNew();
        var noClient = await Assert.ThrowsAsync<InvalidOperationException>(() => detached.LabelOfAsync());
        Assert.Contains("Crate.LabelOfAsync needs a client", noClient.Message, StringComparison.Ordinal);

        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.For(server);
        var unsaved = Crate.ModelInfo.CreateNew();
        unsaved.Client = client;
        var noId = await Assert.ThrowsAsync<InvalidOperationException>(() => unsaved.LabelOfAsync());
        Assert.Contains("needs a value in id", noId.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.CountRequests("GET", "/api/crate"));
    }
}
