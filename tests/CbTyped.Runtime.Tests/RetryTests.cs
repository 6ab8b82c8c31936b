using System.Diagnostics;
using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

public sealed class RetryTests
{
    /// <summary>Fails the first <paramref name="failures"/> requests with <paramref name="fail"/>, then answers {"ok":true}.</summary>
    private static Func<HttpContext, Task> FailThenSucceed(int failures, Func<HttpContext, Task> fail)
    {
        var seen = 0;
        return ctx => Interlocked.Increment(ref seen) <= failures ? fail(ctx) : ctx.Response.WriteAsync("""{"ok":true}""");
    }

    private static Task Status(HttpContext ctx, int status)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsync("""{"reason":"busy"}""");
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task A_GET_is_retried_on_a_transient_status_and_succeeds(int status)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/flaky", FailThenSucceed(2, ctx => Status(ctx, status)));
        using var client = TestClients.For(server);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/flaky");

        Assert.True(doc!.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(3, server.CountRequests("GET", "/api/flaky"));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task PUT_and_DELETE_are_retried_too(string method)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route(method, "/api/thing/1", FailThenSucceed(1, ctx => Status(ctx, 503)));
        using var client = TestClients.For(server);

        using var _ = await client.SendJsonAsync(new HttpMethod(method), "/api/thing/1", "{\"a\":1}"u8.ToArray());

        Assert.Equal(2, server.CountRequests(method, "/api/thing/1"));
    }

    [Fact]
    public async Task A_GET_is_retried_after_a_connection_reset_and_succeeds()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/reset", FailThenSucceed(2, ctx => { ctx.Abort(); return Task.CompletedTask; }));
        using var client = TestClients.For(server);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/reset");

        Assert.True(doc!.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(3, server.CountRequests("GET", "/api/reset"));
    }

    [Fact]
    public async Task Retry_After_is_honoured()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/limited", FailThenSucceed(1, ctx =>
        {
            ctx.Response.Headers.RetryAfter = "1";
            return Status(ctx, 429);
        }));
        using var client = TestClients.For(server);

        var clock = Stopwatch.StartNew();
        using var _ = await client.SendJsonAsync(HttpMethod.Get, "/api/limited");

        // The configured back-off is 10 ms; only the server's Retry-After explains a wait of a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
        Assert.Equal(2, server.CountRequests("GET", "/api/limited"));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_error_surfaces()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/down", ctx => Status(ctx, 503));
        using var client = TestClients.For(server, o => o.Retry.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<CbServerException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/down"));

        Assert.Equal(503, e.StatusCode);
        Assert.Equal(3, server.CountRequests("GET", "/api/down"));
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/down", ctx => Status(ctx, 503));
        using var client = TestClients.For(server, o => o.Retry.MaxRetries = 0);
        await Assert.ThrowsAsync<CbServerException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/down"));
        Assert.Equal(1, server.CountRequests("GET", "/api/down"));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task A_POST_is_never_retried_on_a_status_and_the_error_surfaces(int status)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("POST", "/api/user", FailThenSucceed(1, ctx => Status(ctx, status)));
        using var client = TestClients.For(server);

        var e = await Assert.ThrowsAnyAsync<CbApiException>(() => client.SendJsonAsync(HttpMethod.Post, "/api/user", "{}"u8.ToArray()));

        Assert.Equal(status, e.StatusCode);
        Assert.Equal("POST", e.Method);
        Assert.Equal(1, server.CountRequests("POST", "/api/user"));
    }

    [Fact]
    public async Task A_POST_is_never_retried_after_a_connection_reset()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("POST", "/api/user", FailThenSucceed(1, ctx => { ctx.Abort(); return Task.CompletedTask; }));
        using var client = TestClients.For(server);

        var e = await Assert.ThrowsAsync<CbConnectionException>(() => client.SendJsonAsync(HttpMethod.Post, "/api/user", "{}"u8.ToArray()));

        Assert.Contains("POST /api/user", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountRequests("POST", "/api/user"));
    }

    [Fact]
    public async Task A_timeout_surfaces_as_a_timeout_error_and_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/slow", async ctx =>
        {
            try { await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted); } catch (OperationCanceledException) { }
        });
        using var client = TestClients.For(server, o => o.Timeout = TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<CbTimeoutException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/slow"));

        Assert.Contains("Timed out when requesting GET", e.Message, StringComparison.Ordinal);
        Assert.Contains("/api/slow", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountRequests("GET", "/api/slow"));
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_timeout()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/slow", async ctx =>
        {
            try { await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted); } catch (OperationCanceledException) { }
        });
        using var client = TestClients.For(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/slow", null, cts.Token));
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_a_connection_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        var url = server.Url;
        await server.DisposeAsync();
        using var client = new CbResponseClient(url, "t", new CbResponseClientOptions { AllowInsecureHttp = true, Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(1) } });
        var e = await Assert.ThrowsAsync<CbConnectionException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/info"));
        Assert.Contains("GET /api/info", e.Message, StringComparison.Ordinal);
    }
}
