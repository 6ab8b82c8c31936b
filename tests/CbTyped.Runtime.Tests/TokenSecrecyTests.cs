using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

/// <summary>The token must appear in no log line and no exception, whatever happens.</summary>
public sealed class TokenSecrecyTests
{
    [Fact]
    public async Task The_token_appears_in_no_log_line_and_no_exception()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/flaky", ctx => { ctx.Response.StatusCode = 503; return ctx.Response.WriteAsync("busy"); });
        server.Route("GET", "/api/bad", ctx => ctx.Response.WriteAsync("{oops"));
        server.Route("GET", "/api/slow", async ctx =>
        {
            try { await Task.Delay(15000, ctx.RequestAborted); } catch (OperationCanceledException) { }
        });
        server.Route("POST", "/api/reset", ctx => { ctx.Abort(); return Task.CompletedTask; });
        var logs = new CapturingLoggerFactory();
        var exceptions = new List<CbApiException>();

        using (var client = TestClients.For(server, o => { o.LoggerFactory = logs; o.Timeout = TimeSpan.FromSeconds(2); o.Retry.MaxRetries = 1; }))
        {
            await client.GetServerInfoAsync();
            foreach (var (method, path) in new[] { ("GET", "/api/flaky"), ("GET", "/api/bad"), ("GET", "/api/slow"), ("POST", "/api/reset"), ("GET", "/api/missing") })
                exceptions.Add(await Assert.ThrowsAnyAsync<CbApiException>(() => client.SendJsonAsync(new HttpMethod(method), path, method == "POST" ? "{}"u8.ToArray() : null)));
        }
        using (var wrong = TestClients.For(server, o => o.LoggerFactory = logs, token: "wrong-" + server.Token))
            exceptions.Add(await Assert.ThrowsAsync<CbUnauthorizedException>(() => wrong.GetServerInfoAsync()));

        Assert.True(logs.Lines.Count >= 10, $"expected a full log, got {logs.Lines.Count} lines");
        Assert.All(logs.Lines, line => Assert.DoesNotContain(server.Token, line.Message, StringComparison.Ordinal));
        Assert.Equal(6, exceptions.Count);
        Assert.All(exceptions, e =>
        {
            Assert.DoesNotContain(server.Token, e.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(server.Token, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(server.Token, e.ServerMessage ?? "", StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Credentials_never_print_their_token()
    {
        var credentials = new CbCredentials(new Uri("https://cb.example"), "super-secret-token");
        Assert.DoesNotContain("super-secret-token", credentials.ToString(), StringComparison.Ordinal);
    }
}
