using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task A_401_is_an_unauthorized_error_naming_the_request()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.For(server, token: "wrong-token");

        var e = await Assert.ThrowsAsync<CbUnauthorizedException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor"));

        Assert.IsAssignableFrom<CbClientException>(e);
        Assert.Equal(401, e.StatusCode);
        Assert.Equal("GET /api/v1/sensor", e.RequestLine);
        Assert.Contains("credentials", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_401_at_start_up_says_the_token_is_invalid_for_the_server()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.For(server, token: "wrong-token");
        var e = await Assert.ThrowsAsync<CbUnauthorizedException>(() => client.GetServerInfoAsync());
        Assert.Equal($"Invalid API token for server {client.Url}.", e.Message);
    }

    [Theory]
    [InlineData(500, typeof(CbServerException))]
    [InlineData(501, typeof(CbServerException))]
    [InlineData(404, typeof(CbObjectNotFoundException))]
    [InlineData(403, typeof(CbClientException))]
    [InlineData(405, typeof(CbClientException))]
    [InlineData(409, typeof(CbClientException))]
    [InlineData(400, typeof(CbClientException))]
    public async Task Statuses_map_in_cbapis_order(int status, Type expected)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/x", """{"reason":"because"}""", status);
        using var client = TestClients.For(server, o => o.Retry.MaxRetries = 0);

        var e = await Assert.ThrowsAnyAsync<CbApiException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/x?q=1"));

        Assert.Equal(expected, e.GetType());
        Assert.Equal(status, e.StatusCode);
        Assert.Equal("because", e.ServerMessage);
        Assert.Equal("GET", e.Method);
        Assert.Equal("/api/x?q=1", e.Path);
    }

    [Fact]
    public async Task A_400_with_the_syntax_reason_is_a_query_syntax_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/process", """{"reason":"query_malformed_syntax"}""", 400);
        using var client = TestClients.For(server);
        var e = await Assert.ThrowsAsync<CbQuerySyntaxException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/process?q=%28"));
        Assert.Contains("/api/v1/process?q=%28", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_errorMessage_in_a_200_is_a_server_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/odd", """{"errorMessage":"index is rebuilding"}""");
        using var client = TestClients.For(server);
        var e = await Assert.ThrowsAsync<CbServerException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/odd"));
        Assert.Equal("index is rebuilding", e.ServerMessage);
        Assert.Equal(200, e.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"results":[{"id":1},{"id":""")]
    [InlineData("<html>proxy error</html>")]
    public async Task Malformed_or_truncated_json_is_a_clear_error_naming_method_and_url(string body)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/process", ctx => ctx.Response.WriteAsync(body));
        using var client = TestClients.For(server);

        var e = await Assert.ThrowsAsync<CbServerException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/process?q=x&rows=10"));

        Assert.StartsWith("Cannot parse response as JSON for GET /api/v1/process?q=x&rows=10", e.Message, StringComparison.Ordinal);
        Assert.Equal("GET", e.Method);
    }

    [Fact]
    public async Task A_body_cut_off_by_the_connection_is_a_connection_error_naming_method_and_url()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/cut", async ctx =>
        {
            ctx.Response.ContentLength = 1000;
            await ctx.Response.WriteAsync("""{"results":[""");
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
        });
        using var client = TestClients.For(server, o => o.Retry.MaxRetries = 1);

        var e = await Assert.ThrowsAsync<CbConnectionException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/cut"));

        Assert.Contains("GET /api/cut", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.CountRequests("GET", "/api/cut"));
    }
}
