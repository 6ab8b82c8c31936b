using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CbTyped.Runtime.Tests;

public sealed class TransportTests
{
    [Fact]
    public async Task Requests_carry_the_token_a_CbTyped_user_agent_and_accept_gzip()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.For(server, o => o.ApplicationId = "MyTool/1.0");

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/info");

        Assert.Equal("6.2.0.171114.1158", doc!.RootElement.GetProperty("version").GetString());
        Assert.Equal(server.Token, server.LastHeaders!["X-Auth-Token"]);
        var userAgent = server.LastHeaders["User-Agent"];
        Assert.Matches(@"^CbTyped/\d+\.\d+\.\d+ \.NET/\d+\.\d+\.\d+ MyTool/1\.0$", userAgent);
        Assert.Contains("gzip", server.LastHeaders["Accept-Encoding"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_body_is_decompressed()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/zipped", async ctx =>
        {
            ctx.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("""{"zipped":true}"""));
        });
        using var client = TestClients.For(server);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/zipped");

        Assert.True(doc!.RootElement.GetProperty("zipped").GetBoolean());
    }

    [Fact]
    public async Task Each_request_is_logged_in_cbapis_words()
    {
        await using var server = await LoopbackServer.StartAsync();
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server, o => o.LoggerFactory = logs);

        using var _ = await client.SendJsonAsync(HttpMethod.Get, "/api/info?x=1");

        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Debug &&
            Regex.IsMatch(l.Message, @"^HTTP GET /api/info\?x=1 took \d+\.\d{3}s \(response 200\)$"));
    }

    [Fact]
    public async Task Json_bodies_are_sent_with_content_type_and_logged()
    {
        await using var server = await LoopbackServer.StartAsync();
        string? received = null;
        server.Route("POST", "/api/user", async ctx =>
        {
            received = ctx.Request.ContentType + " " + await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            await ctx.Response.WriteAsync("""{"result":"success"}""");
        });
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server, o => o.LoggerFactory = logs);

        using var doc = await client.SendJsonAsync(HttpMethod.Post, "/api/user", Encoding.UTF8.GetBytes("""{"username":"jgarman"}"""));

        Assert.Equal("""application/json {"username":"jgarman"}""", received);
        Assert.Contains(logs.Lines, l => l.Message == """Sending HTTP POST /api/user with {"username":"jgarman"}""");
    }

    [Fact]
    public async Task A_204_gives_no_document()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("DELETE", "/api/thing/1", ctx => { ctx.Response.StatusCode = 204; return Task.CompletedTask; });
        using var client = TestClients.For(server);
        Assert.Null(await client.SendJsonAsync(HttpMethod.Delete, "/api/thing/1"));
    }

    [Fact]
    public async Task The_callers_own_handler_is_used_and_not_disposed()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var handler = new CountingHandler(new SocketsHttpHandler());
        using (var client = TestClients.For(server, o => o.Transport = handler))
        {
            using var _ = await client.SendJsonAsync(HttpMethod.Get, "/api/info");
        }
        Assert.Equal(1, handler.Count);
        // Still usable after the client was disposed: the caller owns it.
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Url, "/api/info"));
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task The_callers_own_HttpClient_is_used()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var handler = new CountingHandler(new SocketsHttpHandler());
        using var http = new HttpClient(handler);
        using var client = TestClients.For(server, o => o.HttpClient = http);
        using var _ = await client.SendJsonAsync(HttpMethod.Get, "/api/info");
        Assert.Equal(1, handler.Count);
        Assert.Equal(server.Token, server.LastHeaders!["X-Auth-Token"]);
    }

    [Fact]
    public async Task Concurrent_requests_reuse_connections()
    {
        await using var server = await LoopbackServer.StartAsync();
        var connections = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
        server.Route("GET", "/api/conn", async ctx =>
        {
            connections.TryAdd(ctx.Connection.Id, 0);
            await ctx.Response.WriteAsync("{}");
        });
        using var client = TestClients.For(server);
        for (var i = 0; i < 20; i++)
            using (await client.SendJsonAsync(HttpMethod.Get, "/api/conn")) { }
        Assert.Single(connections);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
