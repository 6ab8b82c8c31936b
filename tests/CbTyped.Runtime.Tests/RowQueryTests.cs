using System.Text;
using System.Text.Json;
using CbTyped.Runtime.Tests.Infrastructure;

namespace CbTyped.Runtime.Tests;

/// <summary>The untyped query engine: URLs, paging, counts, slicing, lists — over real HTTP.</summary>
public sealed class RowQueryTests
{
    private static CbRowQuery Processes() => new() { Kind = CbRowQueryKind.Search, ModelName = "Process", Path = "/api/v1/process" };

    private static async Task<List<string>> ReadAll(CbRowQuery query, CbResponseClient client)
    {
        var ids = new List<string>();
        await foreach (var row in query.RowsAsync(client))
        {
            using var doc = JsonDocument.Parse(row);
            ids.Add(doc.RootElement.GetProperty("process_name").GetString()!);
        }
        return ids;
    }

    [Fact]
    public void Query_strings_are_sorted_and_encoded_like_cbapi()
    {
        var query = new CbQueryString().Add("q", @"process_name:net.exe cmdline:\\test\blah*").Add("rows", "100").Add("cb.urlver", "1").Add("sort", "last_update desc");
        Assert.Equal(@"/api/v1/process?cb.urlver=1&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah%2A&rows=100&sort=last_update+desc",
            query.AppendTo("/api/v1/process"));
        Assert.Equal("%C3%A9t%C3%A9", CbQueryString.Encode("été"));
    }

    [Fact]
    public async Task Paging_over_10000_rows_returns_every_row_once_in_order()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 10_000);
        using var client = TestClients.For(server);

        var names = await ReadAll(Processes().Where("process_name:p*"), client);

        Assert.Equal(10_000, names.Count);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => $"p{i}.exe"), names);
        Assert.Equal(100, server.CountRequests("GET", "/api/v1/process"));
        Assert.Contains("GET /api/v1/process?cb.urlver=1&facet=false&q=process_name%3Ap%2A&rows=100&start=9900", server.Requests);
    }

    [Fact]
    public async Task Page_size_sort_and_the_first_page_url_match_cbapi()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 25);
        using var client = TestClients.For(server);

        var names = await ReadAll(Processes().Where("process_name:net.exe") with { Sort = "last_update desc", PageSize = 10 }, client);

        Assert.Equal(25, names.Count);
        Assert.Contains("GET /api/v1/process?cb.urlver=1&facet=false&q=process_name%3Anet.exe&rows=10&sort=last_update+desc&start=0", server.Requests);
        Assert.Contains("GET /api/v1/process?cb.urlver=1&facet=false&q=process_name%3Anet.exe&rows=10&sort=last_update+desc&start=20", server.Requests);
        Assert.Equal(3, server.CountRequests("GET", "/api/v1/process"));
    }

    [Fact]
    public async Task Older_servers_get_no_facet_false()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.InfoJson = """{"version":"5.1.0.150625.500"}""";
        server.Search("/api/v1/process", 3);
        using var client = TestClients.For(server);
        await ReadAll(Processes(), client);
        Assert.Contains("GET /api/v1/process?cb.urlver=1&q=&rows=100&start=0", server.Requests);
    }

    [Fact]
    public async Task Count_asks_for_zero_rows()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 12_345);
        using var client = TestClients.For(server);

        Assert.Equal(12_345, await Processes().CountAsync(client, default));
        Assert.Equal(12_345 - 100, await Processes().Slice(100, null).CountAsync(client, default));
        Assert.Equal(50, await Processes().Slice(100, 50).CountAsync(client, default));
        Assert.Equal(3, server.CountRequests("GET", "/api/v1/process?cb.urlver=1&facet=false&q=&rows=0&start=0"));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(150, 30, 1)]
    [InlineData(95, 10, 1)]
    [InlineData(10, 250, 3)]
    [InlineData(990, 100, 1)]
    public async Task Slicing_maps_to_start_and_rows(long skip, long take, int requests)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 1000);
        using var client = TestClients.For(server);

        var names = await ReadAll(Processes().Slice(skip, take), client);

        var expected = Enumerable.Range((int)skip, (int)Math.Min(take, 1000 - skip)).Select(i => $"p{i}.exe");
        Assert.Equal(expected, names);
        Assert.Equal(requests, server.CountRequests("GET", "/api/v1/process"));
        Assert.Contains(server.Requests, r => r.Contains($"&start={skip}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slices_compose()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 1000);
        using var client = TestClients.For(server);
        var names = await ReadAll(Processes().Slice(100, 50).Slice(10, 100), client);
        Assert.Equal(Enumerable.Range(110, 40).Select(i => $"p{i}.exe"), names);
    }

    [Fact]
    public async Task An_overstated_total_stops_at_the_first_empty_page()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 150, claimedTotal: 1000);
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server, o => { o.LoggerFactory = logs; o.PagesInFlight = 1; });

        Assert.Equal(150, (await ReadAll(Processes(), client)).Count);
        Assert.Equal(3, server.CountRequests("GET", "/api/v1/process"));
        Assert.Contains(logs.Lines, l => l.Message == "server reported total_results overestimated the number of results for this query by 850");
    }

    [Fact]
    public async Task Stopping_early_fetches_no_more_than_the_prefetched_page()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 10_000);
        using var client = TestClients.For(server, o => o.PagesInFlight = 1);

        var seen = 0;
        await foreach (var _ in Processes().RowsAsync(client))
            if (++seen == 150)
                break;

        await Task.Delay(100);
        Assert.InRange(server.CountRequests("GET", "/api/v1/process"), 2, 3);
    }

    [Fact]
    public async Task The_next_page_is_requested_while_the_current_one_is_consumed()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 1000);
        using var client = TestClients.For(server, o => o.PagesInFlight = 1);

        await using var rows = Processes().RowsAsync(client).GetAsyncEnumerator();
        Assert.True(await rows.MoveNextAsync()); // first row of page 1
        // Without consuming more, the second page must arrive on its own.
        for (var i = 0; i < 100 && server.CountRequests("GET", "/api/v1/process") < 2; i++)
            await Task.Delay(20);
        Assert.Equal(2, server.CountRequests("GET", "/api/v1/process"));
        Assert.Contains(server.Requests, r => r.EndsWith("&start=100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Or_groups_both_sides()
    {
        var query = Processes().Where("process_name:a.exe").Where("hostname:h").Or("process_name:b.exe");
        Assert.Equal("(process_name:a.exe hostname:h) OR (process_name:b.exe)", query.QueryText);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Facets_ask_for_zero_rows_with_facet_fields()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 10);
        using var client = TestClients.For(server);
        var facets = await Processes().Where("hostname:h").FacetsAsync(client, ["process_name", "username"], default);
        using var doc = JsonDocument.Parse(facets);
        Assert.Equal("p1.exe", doc.RootElement.GetProperty("process_name")[0].GetProperty("name").GetString());
        Assert.Contains("GET /api/v1/process?cb.urlver=1&facet=true&facet.field=process_name&facet.field=username&q=hostname%3Ah&rows=0&start=0", server.Requests);
    }

    [Fact]
    public async Task A_client_list_is_fetched_once_filtered_case_insensitively_and_sorted()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/watchlist", """[{"id":"1","name":"Alpha"},{"id":"12","name":"beta"},{"id":"3","name":"BETA"},{"id":"4"}]""");
        using var client = TestClients.For(server);
        var list = new CbRowQuery { Kind = CbRowQueryKind.ClientList, ModelName = "Watchlist", Path = "/api/v1/watchlist" };

        var betas = new List<string>();
        await foreach (var row in (list.Where("name:Beta") with { Sort = "id" }).RowsAsync(client))
            betas.Add(JsonDocument.Parse(row).RootElement.GetProperty("id").GetString()!);

        Assert.Equal(["12", "3"], betas); // descending by id, numerically
        Assert.Equal(4, await list.CountAsync(client, default));
        Assert.Throws<InvalidOperationException>(() => list.Where("name:a").Where("id:1"));
        Assert.Throws<NotSupportedException>(() => list.Or("name:a"));
    }

    [Fact]
    public async Task A_child_list_puts_its_one_where_into_the_url()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/watchlist/7/action", """[{"id":1,"watchlist_id":7,"action_type":3}]""");
        using var client = TestClients.For(server);
        var actions = new CbRowQuery { Kind = CbRowQueryKind.ChildList, ModelName = "WatchlistAction", Path = "/api/v1/watchlist/{watchlist_id}/action" };

        Assert.Equal(1, await actions.Where("watchlist_id:7").CountAsync(client, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => actions.CountAsync(client, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => actions.Where("feed_id:7").CountAsync(client, default));
    }

    [Fact]
    public async Task A_server_list_sends_its_where_as_a_parameter_and_pages()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v2/sensor", 250, i => $$"""{"id":{{i}},"computer_name":"HOST{{i}}","process_name":"x"}""");
        using var client = TestClients.For(server);
        var sensors = new CbRowQuery
        {
            Kind = CbRowQueryKind.ServerList, ModelName = "Sensor", Path = "/api/v2/sensor",
            ServerListFields = ["ip", "hostname", "groupid"],
            Parameters = [new("sort.col", "computer_name"), new("sort.dir", "asc")],
        };

        var rows = 0;
        await foreach (var _ in sensors.Where("hostname:HOST1").RowsAsync(client))
            rows++;

        Assert.Equal(250, rows);
        Assert.Contains("GET /api/v2/sensor?hostname=HOST1&rows=100&sort.col=computer_name&sort.dir=asc&start=200", server.Requests);
        Assert.Throws<ArgumentException>(() => sensors.Where("os:windows"));
        Assert.Throws<InvalidOperationException>(() => sensors.Where("ip:1").Where("hostname:x"));
    }

    [Fact]
    public async Task A_truncated_page_is_a_clear_error_naming_method_and_url()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/process", """{"results":[{"id":"a"},{"id":""");
        using var client = TestClients.For(server);
        var e = await Assert.ThrowsAsync<CbServerException>(() => ReadAll(Processes(), client));
        Assert.StartsWith("Cannot parse response as JSON for GET /api/v1/process?cb.urlver=1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_parsing_keeps_rows_as_raw_slices()
    {
        var body = Encoding.UTF8.GetBytes("""{"start":0,"results":[{"a":1},{"b":[1,2]}],"total_results":"2","facets":{}}""");
        var page = CbRowPage.Parse(body, "GET", "/x");
        Assert.Equal(2, page.TotalResults);
        Assert.Equal("""{"b":[1,2]}""", Encoding.UTF8.GetString(page.Rows[1].Span));
    }
}
