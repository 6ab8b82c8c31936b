using System.Text;
using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests.Hostile;

/// <summary>
/// The fault matrix, each fault once for a GET and once for a POST: the client must raise the fault's exact typed
/// error, retry a GET only when the fault is transient (502/503/504/429, a broken connection) and never a POST, and
/// leak the token into no exception and no log line. Every row of docs/runtime.md "Hostile servers" that is about a
/// single request is one row here.
/// </summary>
public sealed class ServerFaultTests
{
    private const int MaxRetries = 2;

    /// <summary>A server behaviour, named as in the docs' matrix.</summary>
    public enum Fault
    {
        Status500,
        Status502HtmlPage,
        Status503,
        Status504,
        Status429RetryAfter,
        ResetBeforeHeaders,
        ResetMidBody,
        TruncatedBody,
        MalformedJson,
        JsonCutShort,
        ErrorMessageIn200,
        StalledBody,
        EndlessBody,
        HugeDeclaredLength,
        RedirectElsewhere,
    }

    /// <summary>(fault, the typed error, whether a GET is retried).</summary>
    public static readonly TheoryData<Fault, Type, bool> Matrix = new()
    {
        { Fault.Status500, typeof(CbServerException), false },
        { Fault.Status502HtmlPage, typeof(CbServerException), true },
        { Fault.Status503, typeof(CbServerException), true },
        { Fault.Status504, typeof(CbServerException), true },
        { Fault.Status429RetryAfter, typeof(CbClientException), true },
        { Fault.ResetBeforeHeaders, typeof(CbConnectionException), true },
        { Fault.ResetMidBody, typeof(CbConnectionException), true },
        { Fault.TruncatedBody, typeof(CbConnectionException), true },
        { Fault.MalformedJson, typeof(CbServerException), false },
        { Fault.JsonCutShort, typeof(CbServerException), false },
        { Fault.ErrorMessageIn200, typeof(CbServerException), false },
        { Fault.StalledBody, typeof(CbTimeoutException), false },
        { Fault.EndlessBody, typeof(CbResponseTooLargeException), false },
        { Fault.HugeDeclaredLength, typeof(CbResponseTooLargeException), false },
        { Fault.RedirectElsewhere, typeof(CbRedirectException), false },
    };

    private static Func<HttpContext, Task> Serve(Fault fault) => fault switch
    {
        Fault.Status500 => ctx => Status(ctx, 500, """{"reason":"internal"}"""),
        Fault.Status502HtmlPage => ctx => Status(ctx, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
        Fault.Status503 => ctx => Status(ctx, 503, """{"reason":"busy"}"""),
        Fault.Status504 => ctx => Status(ctx, 504, ""),
        Fault.Status429RetryAfter => ctx =>
        {
            ctx.Response.Headers.RetryAfter = "0";
            return Status(ctx, 429, """{"reason":"slow down"}""");
        },
        Fault.ResetBeforeHeaders => ctx =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        },
        Fault.ResetMidBody => async ctx =>
        {
            await ctx.Response.WriteAsync("""{"results":[{"id":1},""");
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
        },
        Fault.TruncatedBody => async ctx =>
        {
            ctx.Response.ContentLength = 1000;
            await ctx.Response.WriteAsync("""{"id":1,""");
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
        },
        Fault.MalformedJson => ctx => ctx.Response.WriteAsync("{oops: not json"),
        Fault.JsonCutShort => ctx => ctx.Response.WriteAsync("""{"results":[{"id":1},{"id":"""),
        Fault.ErrorMessageIn200 => ctx => ctx.Response.WriteAsync("""{"errorMessage":"Something broke"}"""),
        Fault.StalledBody => async ctx =>
        {
            ctx.Response.ContentLength = 1000;
            await ctx.Response.WriteAsync("""{"id":""");
            await ctx.Response.Body.FlushAsync();
            try { await Task.Delay(TimeSpan.FromSeconds(60), ctx.RequestAborted); } catch (OperationCanceledException) { }
        },
        Fault.EndlessBody => async ctx =>
        {
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 16 * 1024));
            while (!ctx.RequestAborted.IsCancellationRequested)
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
        },
        Fault.HugeDeclaredLength => async ctx =>
        {
            ctx.Response.ContentLength = 1_900_000_000;
            await ctx.Response.WriteAsync("""{"id":1}  """);
            await ctx.Response.Body.FlushAsync();
            try { await Task.Delay(TimeSpan.FromSeconds(60), ctx.RequestAborted); } catch (OperationCanceledException) { }
        },
        Fault.RedirectElsewhere => ctx =>
        {
            ctx.Response.StatusCode = 307;
            ctx.Response.Headers.Location = "http://localhost:9/api/collect";
            return Task.CompletedTask;
        },
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static Task Status(HttpContext ctx, int status, string body, string contentType = "application/json")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        return ctx.Response.WriteAsync(body);
    }

    private static CbResponseClient Client(LoopbackServer server, CapturingLoggerFactory logs) => TestClients.For(server, o =>
    {
        o.Retry.MaxRetries = MaxRetries;
        o.Timeout = TimeSpan.FromSeconds(2);
        o.MaxResponseBytes = 1024 * 1024;
        o.LoggerFactory = logs;
    });

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_GET_gets_the_faults_typed_error_retried_only_when_the_fault_is_transient(Fault fault, Type error, bool retried)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/thing", Serve(fault));
        var logs = new CapturingLoggerFactory();
        using var client = Client(server, logs);

        var e = await Assert.ThrowsAnyAsync<CbApiException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/thing"));

        Assert.IsType(error, e);
        Assert.Equal("GET /api/v1/thing", e.RequestLine);
        Assert.Equal(retried ? 1 + MaxRetries : 1, server.CountRequests("GET", "/api/v1/thing"));
        NoLeaks.Assert(server.Token, e, logs);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_POST_gets_the_faults_typed_error_and_is_never_sent_twice(Fault fault, Type error, bool retriedIfGet)
    {
        _ = retriedIfGet;
        await using var server = await LoopbackServer.StartAsync();
        var bodies = new List<string>();
        var serve = Serve(fault);
        server.Route("POST", "/api/v1/thing", async ctx =>
        {
            lock (bodies)
                bodies.Add(ctx.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?");
            await serve(ctx);
        });
        var logs = new CapturingLoggerFactory();
        using var client = Client(server, logs);

        var e = await Assert.ThrowsAnyAsync<CbApiException>(() => client.SendJsonAsync(HttpMethod.Post, "/api/v1/thing", """{"name":"x"}"""u8.ToArray()));

        Assert.IsType(error, e);
        Assert.Equal("POST /api/v1/thing", e.RequestLine);
        Assert.Equal(1, server.CountRequests("POST", "/api/v1/thing"));
        Assert.Single(bodies);
        NoLeaks.Assert(server.Token, e, logs);
    }

    [Fact]
    public async Task A_5xx_keeps_the_status_and_the_servers_words()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/thing", Serve(Fault.Status500));
        using var client = Client(server, new CapturingLoggerFactory());

        var e = await Assert.ThrowsAsync<CbServerException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/thing"));

        Assert.Equal(500, e.StatusCode);
        Assert.Equal("internal", e.ServerMessage);
    }

    [Fact]
    public async Task A_429_that_persists_surfaces_as_a_429_client_error_after_the_bounded_retries()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/thing", Serve(Fault.Status429RetryAfter));
        using var client = Client(server, new CapturingLoggerFactory());

        var e = await Assert.ThrowsAsync<CbClientException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/thing"));

        Assert.Equal(429, e.StatusCode);
        Assert.Equal("slow down", e.ServerMessage);
    }

    [Fact]
    public async Task Malformed_JSON_names_the_request_and_the_parse_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/thing", Serve(Fault.MalformedJson));
        using var client = Client(server, new CapturingLoggerFactory());

        var e = await Assert.ThrowsAsync<CbServerException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/thing"));

        Assert.StartsWith("Cannot parse response as JSON for GET /api/v1/thing (response 200, 15 bytes)", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(e.InnerException);
    }

    [Fact]
    public async Task A_streamed_error_with_an_endless_body_is_the_status_error_read_only_in_part()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/binary/ABC", async ctx =>
        {
            ctx.Response.StatusCode = 500;
            var chunk = Encoding.ASCII.GetBytes(new string('e', 16 * 1024));
            while (!ctx.RequestAborted.IsCancellationRequested)
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
        });
        using var client = Client(server, new CapturingLoggerFactory());

        var e = await Assert.ThrowsAsync<CbServerException>(() => client.SendStreamingAsync(HttpMethod.Get, "/api/v1/binary/ABC"));

        Assert.Equal(500, e.StatusCode);
        Assert.True(e.Message.Length < 2000, "the message shows the start of the body only");
    }
}

/// <summary>
/// Answers that are not HTTP as Kestrel would send it, from a raw socket: the client must turn each into a
/// CbConnectionException naming the request, retrying a GET like any broken connection.
/// </summary>
public sealed class MalformedHttpTests
{
    private const string Token = LoopbackServer.DefaultToken;

    public static readonly TheoryData<string, string> Answers = new()
    {
        { "not HTTP at all", "HELLO THERE\r\n\r\n" },
        { "a status line without a status", "HTTP/1.1 OK\r\n\r\n" },
        { "a header line without a colon", "HTTP/1.1 200 OK\r\nContent-Type application/json\r\nContent-Length: 2\r\n\r\n{}" },
        { "a body shorter than its Content-Length, closed cleanly", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":1}" },
        { "a chunked body with a bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n" },
        { "a chunked body that ends without its last chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_malformed_answer_is_a_connection_error_and_a_GET_is_retried(string what, string answer)
    {
        _ = what;
        await using var server = RawHttpServer.Answering(answer);
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server.Url, Token, o => { o.Retry.MaxRetries = 1; o.LoggerFactory = logs; });

        var e = await Assert.ThrowsAsync<CbConnectionException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/thing"));

        Assert.Contains("GET /api/v1/thing", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, head => Assert.Contains("X-Auth-Token: " + Token, head, StringComparison.Ordinal));
        NoLeaks.Assert(Token, e, logs);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_connection_closed_before_any_answer_is_a_connection_error_and_a_POST_goes_out_once(string method)
    {
        await using var server = RawHttpServer.Answering("");
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server.Url, Token, o => { o.Retry.MaxRetries = 1; o.LoggerFactory = logs; });

        var e = await Assert.ThrowsAsync<CbConnectionException>(() =>
            client.SendJsonAsync(new HttpMethod(method), "/api/v1/thing", method == "POST" ? "{}"u8.ToArray() : null));

        Assert.Equal(method + " /api/v1/thing", e.RequestLine);
        var sent = server.Requests.Count(head => head.StartsWith(method + " /api/v1/thing ", StringComparison.Ordinal));
        if (method == "POST")
            Assert.Equal(1, sent);
        else
            Assert.InRange(sent, 2, 2 * 4); // two attempts, each of which SocketsHttpHandler may itself re-send up to 3 times
        NoLeaks.Assert(Token, e, logs);
    }
}
