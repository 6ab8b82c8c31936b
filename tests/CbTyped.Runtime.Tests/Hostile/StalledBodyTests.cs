using System.Text;
using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests.Hostile;

/// <summary>
/// A server that stops sending in the middle of a body. Every read of a streamed body waits at most Options.Timeout
/// for data, then it is a CbTimeoutException naming the request (never a hang, never a raw IOException), and the
/// connection is closed; a slow body that keeps coming is not cut; the caller's cancellation ends a read at once, as
/// an OperationCanceledException, with or without a timeout.
/// </summary>
public sealed class StalledBodyTests
{
    /// <summary>Sends <paramref name="first"/> bytes, then nothing until the client hangs up (reported on <paramref name="hungUp"/>).</summary>
    private static Func<HttpContext, Task> SendThenStall(int first, TaskCompletionSource? hungUp = null) => async ctx =>
    {
        ctx.Response.ContentLength = 1_000_000;
        await ctx.Response.Body.WriteAsync(new byte[first]);
        await ctx.Response.Body.FlushAsync();
        try { await Task.Delay(TimeSpan.FromSeconds(60), ctx.RequestAborted); } catch (OperationCanceledException) { }
        hungUp?.TrySetResult();
    };

    private static async Task<long> Drain(Stream body)
    {
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
            total += read;
        return total;
    }

    [Fact]
    public async Task A_streamed_body_that_stalls_is_a_timeout_error_naming_the_request_and_the_connection_is_closed()
    {
        await using var server = await LoopbackServer.StartAsync();
        var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Route("GET", "/api/v1/binary/ABC", SendThenStall(1000, hungUp));
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server, o => { o.Timeout = TimeSpan.FromSeconds(1); o.LoggerFactory = logs; });

        using var response = await client.SendStreamingAsync(HttpMethod.Get, "/api/v1/binary/ABC");
        await using var body = await response.Content.ReadAsStreamAsync();
        var e = await Assert.ThrowsAsync<CbTimeoutException>(() => Drain(body));

        Assert.Equal("GET /api/v1/binary/ABC", e.RequestLine);
        Assert.Contains("Timed out reading the response body of GET /api/v1/binary/ABC: no data for 1s after 1000 bytes", e.Message, StringComparison.Ordinal);
        await hungUp.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the server sees the client hang up
        NoLeaks.Assert(server.Token, e, logs);
    }

    [Fact]
    public async Task A_streamed_body_read_whole_with_ReadAsByteArrayAsync_gets_the_timeout_too()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/download", SendThenStall(10));
        using var client = TestClients.For(server, o => o.Timeout = TimeSpan.FromSeconds(1));

        using var response = await client.SendStreamingAsync(HttpMethod.Get, "/api/download");

        await Assert.ThrowsAsync<CbTimeoutException>(() => response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_synchronous_read_of_a_stalled_streamed_body_gets_the_timeout_too()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/download", SendThenStall(10));
        using var client = TestClients.For(server, o => o.Timeout = TimeSpan.FromSeconds(1));

        using var response = await client.SendStreamingAsync(HttpMethod.Get, "/api/download");
        using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[100];

        Assert.Throws<CbTimeoutException>(() => { while (body.Read(buffer, 0, buffer.Length) > 0) { } });
    }

    [Fact]
    public async Task A_slow_streamed_body_that_keeps_coming_is_read_whole_even_past_the_timeout()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/download", async ctx =>
        {
            for (var i = 0; i < 6; i++)
            {
                await ctx.Response.Body.WriteAsync(new byte[1000]);
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(500); // 3 s in all: more than the timeout, but never 2 s without data
            }
        });
        using var client = TestClients.For(server, o => o.Timeout = TimeSpan.FromSeconds(2));

        using var response = await client.SendStreamingAsync(HttpMethod.Get, "/api/download");
        await using var body = await response.Content.ReadAsStreamAsync();

        Assert.Equal(6000, await Drain(body));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(60)]
    public async Task The_callers_cancellation_ends_a_stalled_streamed_read_as_a_cancellation(int timeoutSeconds)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/download", SendThenStall(10));
        var timeout = timeoutSeconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(timeoutSeconds);
        using var client = TestClients.For(server, o => o.Timeout = timeout);

        using var response = await client.SendStreamingAsync(HttpMethod.Get, "/api/download");
        await using var body = await response.Content.ReadAsStreamAsync();
        using var cancel = new CancellationTokenSource();
        var buffer = new byte[100];
        Assert.Equal(10, await body.ReadAtLeastAsync(buffer, 10));
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await body.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: true, cancel.Token));

        Assert.Equal(cancel.Token, e.CancellationToken);
    }

    [Fact]
    public async Task A_buffered_body_that_stalls_is_a_timeout_error_and_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/stall", SendThenStall(10));
        using var client = TestClients.For(server, o => o.Timeout = TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<CbTimeoutException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/stall"));

        Assert.Equal("GET /api/stall", e.RequestLine);
        Assert.Equal(1, server.CountRequests("GET", "/api/stall"));
    }

    [Fact]
    public async Task A_streamed_body_whose_connection_breaks_mid_way_is_a_connection_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/download", async ctx =>
        {
            ctx.Response.ContentLength = 100_000;
            await ctx.Response.Body.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 5000)));
            await ctx.Response.Body.FlushAsync();
            await Task.Delay(100);
            ctx.Abort();
        });
        using var client = TestClients.For(server);

        using var response = await client.SendStreamingAsync(HttpMethod.Get, "/api/download");
        await using var body = await response.Content.ReadAsStreamAsync();
        var e = await Assert.ThrowsAsync<CbConnectionException>(() => Drain(body));

        Assert.Contains("The connection broke while reading the response body of GET /api/download", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(e.InnerException);
    }
}
