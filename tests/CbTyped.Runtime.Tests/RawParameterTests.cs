using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;

namespace CbTyped.Runtime.Tests;

/// <summary>CbQuery.WithParameter: raw parameters (e.g. a watchlist's cb.fq.* filters) go out with every request.</summary>
public sealed class RawParameterTests
{
    [Fact]
    public async Task A_raw_parameter_is_encoded_and_kept_on_every_page_the_count_and_facets()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 250);
        using var client = TestClients.For(server);

        var query = client.Select<Proc>().WithParameter("cb.fq.hostname", "WIN 7&x=1").Where("process_name:net.exe").PageSize(100);
        var narrowed = query.Sort("start asc"); // a clone keeps the parameter

        Assert.Equal(250, (await narrowed.ToListAsync()).Count);
        Assert.Equal(250, await narrowed.CountAsync());
        await narrowed.FacetsAsync(["process_name"]);

        var sent = server.Requests.Where(r => r.StartsWith("GET /api/v1/process?", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, sent.Count); // three pages, one count, one facet request
        Assert.All(sent, r => Assert.Contains("cb.fq.hostname=WIN+7%26x%3D1&", r, StringComparison.Ordinal));
        Assert.Contains("GET /api/v1/process?cb.fq.hostname=WIN+7%26x%3D1&cb.urlver=1&facet=false&q=process_name%3Anet.exe&rows=100&sort=start+asc&start=200", sent);
        Assert.Equal([new("cb.fq.hostname", "WIN 7&x=1")], narrowed.Parameters);
        Assert.Empty(client.Select<Proc>().Parameters); // the original query was not changed
    }

    [Fact]
    public async Task Several_parameters_keep_their_order_and_a_repeated_name_sends_both_values()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Search("/api/v1/process", 3);
        using var client = TestClients.For(server);

        var query = client.Select<Proc>().WithParameters([new("cb.fq.group", "Default Group"), new("cb.fq.group", "Servers"), new("cb.min_last_update", "2016-10-01T00:00:00Z")]);
        await query.ToListAsync();

        Assert.Equal(["cb.fq.group", "cb.fq.group", "cb.min_last_update"], query.Parameters.Select(p => p.Key));
        Assert.Contains(server.Requests, r => r.Contains("cb.fq.group=Default+Group&cb.fq.group=Servers&cb.min_last_update=2016-10-01T00%3A00%3A00Z&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_list_sends_raw_parameters_too()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/watchlist", """[{"id":"1","name":"A"}]""");
        using var client = TestClients.For(server);

        Assert.Single(await client.Select<Rule>().WithParameter("count", "10000").ToListAsync());
        Assert.Contains("GET /api/v1/watchlist?count=10000", server.Requests);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("rows")]
    [InlineData("start")]
    [InlineData("sort")]
    [InlineData("cb.urlver")]
    [InlineData("facet")]
    [InlineData("facet.field")]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a&b")]
    [InlineData("a=b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a\nb")]
    public void Names_the_query_owns_or_that_cannot_be_a_parameter_are_refused(string name)
    {
        using var client = new CbResponseClient(new Uri("https://cb.example"), LoopbackServer.DefaultToken);
        Assert.Throws<ArgumentException>(() => client.Select<Proc>().WithParameter(name, "1"));
    }
}
