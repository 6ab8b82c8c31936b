using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

/// <summary>Select&lt;T&gt;() with generated models (Specs/*.model.yaml) over real HTTP.</summary>
public sealed class ModelQueryTests
{
    [Fact]
    public async Task Paging_over_10000_rows_yields_every_model_once_in_order()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 10_000);
        using var client = TestClients.For(server);

        var seen = 0;
        await foreach (var process in client.Select<Proc>().Where(Proc.Fields.Hostname.Is("host 1")))
        {
            Assert.Equal($"p{seen}.exe", process.ProcessName);
            Assert.Equal(seen, process.ProcessPid);
            Assert.Same(client, process.Client);
            Assert.False(process.IsFull); // search rows are partial
            seen++;
        }

        Assert.Equal(10_000, seen);
        Assert.Equal(100, server.CountRequests("GET", "/api/v1/process"));
        Assert.Contains("GET /api/v1/process?cb.urlver=1&facet=false&q=hostname%3A%22host+1%22&rows=100&sort=last_update+desc&start=0", server.Requests);
    }

    [Fact]
    public async Task Count_is_one_request_for_zero_rows()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 4321);
        using var client = TestClients.For(server);

        Assert.Equal(4321, await client.Select<Proc>().Where("process_name:x").CountAsync());
        Assert.Equal(4321, client.Select<Proc>().Count());
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/process"));
        Assert.Contains("GET /api/v1/process?cb.urlver=1&facet=false&q=process_name%3Ax&rows=0&start=0", server.Requests);
    }

    [Fact]
    public async Task First_and_single_ask_for_one_and_two_rows_and_fail_as_cbapi_meant()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 5);
        server.Search("/api/v1/empty", 0);
        using var client = TestClients.For(server);

        Assert.Equal("p0.exe", (await client.Select<Proc>().FirstAsync()).ProcessName);
        Assert.Contains(server.Requests, r => r.StartsWith("GET /api/v1/process?", StringComparison.Ordinal) && r.Contains("&rows=1&", StringComparison.Ordinal));
        var many = await Assert.ThrowsAsync<CbMoreThanOneResultException>(() => client.Select<Proc>().Where("process_name:p").SingleAsync());
        Assert.Contains("Proc query 'process_name:p'", many.Message, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.StartsWith("GET /api/v1/process?", StringComparison.Ordinal) && r.Contains("&rows=2&", StringComparison.Ordinal));
        Assert.Equal("p3.exe", (await client.Select<Proc>().Skip(3).Take(1).SingleAsync()).ProcessName);

        server.RouteJson("GET", "/api/v1/process", """{"results":[],"total_results":0}""");
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => client.Select<Proc>().FirstAsync());
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => client.Select<Proc>().SingleAsync());
        Assert.Null(await client.Select<Proc>().FirstOrDefaultAsync());
        Assert.Null(await client.Select<Proc>().SingleOrDefaultAsync());
    }

    [Fact]
    public async Task Skip_and_take_map_to_start_and_rows()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 1000);
        using var client = TestClients.For(server);

        var slice = await client.Select<Proc>().PageSize(50).Skip(120).Take(75).ToListAsync();

        Assert.Equal(Enumerable.Range(120, 75).Select(i => $"p{i}.exe"), slice.Select(p => p.ProcessName));
        Assert.Contains("GET /api/v1/process?cb.urlver=1&facet=false&q=&rows=50&sort=last_update+desc&start=120", server.Requests);
        Assert.Contains("GET /api/v1/process?cb.urlver=1&facet=false&q=&rows=25&sort=last_update+desc&start=170", server.Requests);
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/process"));
    }

    [Fact]
    public async Task Typed_terms_sort_or_and_facets()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 3);
        using var client = TestClients.For(server);

        var query = client.Select<Proc>().Where(Proc.Fields.ProcessName.Is("net.exe")).Or(Proc.Fields.ProcessPid.Is(4)).Sort(Proc.Fields.Start.Ascending);
        Assert.Equal("(process_name:net.exe) OR (process_pid:4)", query.QueryText);
        Assert.Equal(3, (await query.ToListAsync()).Count);
        Assert.Contains(server.Requests, r => r.Contains("sort=start+asc", StringComparison.Ordinal));

        var facets = await client.Select<Proc>().FacetsAsync(["process_name"]);
        Assert.Equal(new CbFacetValue("p1.exe", 3, null), Assert.Single(facets["process_name"]));
    }

    [Fact]
    public async Task A_partial_row_loads_itself_when_asked()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 3);
        server.Route("GET", "/api/v1/process/*", ctx => ctx.Response.WriteAsync("""{"id":"abc","process_name":"full.exe","username":"SYSTEM"}"""));
        using var client = TestClients.For(server);

        var row = await client.Select<Proc>().FirstAsync();
        await row.EnsureFullAsync();

        Assert.True(row.IsFull);
        Assert.Equal("SYSTEM", row.Username);
        Assert.Equal(1, server.CountRequests("GET", "/api/v1/process/"));
    }

    [Fact]
    public async Task A_server_list_sends_parameters_and_pages()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v2/sensor", 230, i => $$"""{"id":{{i}},"computer_name":"HOST{{i}}"}""");
        using var client = TestClients.For(server);

        var boxes = await client.Select<Box>().Where("hostname:HOST").ToListAsync();

        Assert.Equal(230, boxes.Count);
        Assert.Equal("HOST229", boxes[^1].ComputerName);
        Assert.Contains("GET /api/v2/sensor?hostname=HOST&rows=100&start=200", server.Requests);
        Assert.Throws<ArgumentException>(() => client.Select<Box>().Where("os:windows"));
    }

    [Fact]
    public async Task A_client_list_filters_and_sorts_here_and_a_child_list_uses_its_parent_url()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/watchlist", """[{"id":"1","name":"A"},{"id":"2","name":"b"},{"id":"3","name":"B"}]""");
        server.RouteJson("GET", "/api/v1/watchlist/2/action", """[{"id":9,"watchlist_id":2,"action_type":3}]""");
        using var client = TestClients.For(server);

        var bs = await client.Select<Rule>().Where("name:B").Sort("id").ToListAsync();
        Assert.Equal([3, 2], bs.Select(r => r.Id!.Value));
        Assert.True(bs[0].IsFull);
        Assert.Equal(3, await client.Select<Rule>().CountAsync());

        var action = await client.Select<RuleAction>().Where("watchlist_id:2").SingleAsync();
        Assert.Equal(3, action.ActionType);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Select<RuleAction>().ToListAsync());
    }

    [Fact]
    public async Task A_truncated_search_page_is_a_clear_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/process", ctx => ctx.Response.WriteAsync("""{"results":[{"id":"a","process_name":"x"},{"id":"""));
        using var client = TestClients.For(server);
        var e = await Assert.ThrowsAsync<CbServerException>(() => client.Select<Proc>().ToListAsync());
        Assert.StartsWith("Cannot parse response as JSON for GET /api/v1/process?", e.Message, StringComparison.Ordinal);
        Assert.Equal("GET", e.Method);
    }
}
