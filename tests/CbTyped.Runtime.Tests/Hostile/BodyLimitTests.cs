using System.IO.Compression;
using System.Text;
using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests.Hostile;

/// <summary>
/// A server that sends (or claims) huge bodies. Buffered JSON stops at MaxResponseBytes (default 256 MiB), streamed
/// bodies at MaxStreamedResponseBytes (unlimited unless set): a declared length over the limit is refused before any
/// allocation, chunked and compressed bodies stop as they pass it, always with CbResponseTooLargeException, never
/// retried. No size arithmetic overflows.
/// </summary>
public sealed class BodyLimitTests
{
    private const int MiB = 1024 * 1024;

    /// <summary>Writes 64 KiB chunks until the client hangs up.</summary>
    private static async Task Endless(HttpContext ctx)
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        await ctx.Response.WriteAsync("[");
        while (!ctx.RequestAborted.IsCancellationRequested)
            await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
    }

    private static async Task Chunked(HttpContext ctx, string body)
    {
        for (var i = 0; i < body.Length; i += 10_000)
        {
            await ctx.Response.WriteAsync(body.Substring(i, Math.Min(10_000, body.Length - i)));
            await ctx.Response.Body.FlushAsync();
        }
    }

    private static byte[] Gzip(int zeros)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            var block = new byte[MiB];
            for (var written = 0; written < zeros; written += block.Length)
                gzip.Write(block, 0, Math.Min(block.Length, zeros - written));
        }
        return compressed.ToArray();
    }

    /// <summary>A JSON string literal of exactly <paramref name="length"/> bytes.</summary>
    private static string JsonOfLength(int length) => "\"" + new string('x', length - 2) + "\"";

    [Fact]
    public async Task An_endless_chunked_body_stops_at_MaxResponseBytes_with_a_typed_error_and_no_retry()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/endless", Endless);
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(server, o => { o.MaxResponseBytes = MiB; o.LoggerFactory = logs; });

        var e = await Assert.ThrowsAsync<CbResponseTooLargeException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/endless"));

        Assert.Equal(MiB, e.Limit);
        Assert.Null(e.DeclaredLength);
        Assert.Equal("GET /api/endless", e.RequestLine);
        Assert.Contains("MaxResponseBytes", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountRequests("GET", "/api/endless"));
        NoLeaks.Assert(server.Token, e, logs);
    }

    [Fact]
    public async Task A_chunked_body_of_exactly_the_limit_is_accepted_and_one_byte_more_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/exact", ctx => Chunked(ctx, JsonOfLength(100_000)));
        server.Route("GET", "/api/over", ctx => Chunked(ctx, JsonOfLength(100_001)));
        using var client = TestClients.For(server, o => o.MaxResponseBytes = 100_000);

        using (var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/exact"))
            Assert.Equal(99_998, doc!.RootElement.GetString()!.Length);
        var e = await Assert.ThrowsAsync<CbResponseTooLargeException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/over"));
        Assert.Equal(100_000, e.Limit);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/long", async ctx =>
        {
            ctx.Response.ContentLength = 5000;
            await ctx.Response.WriteAsync(JsonOfLength(5000));
        });
        using var client = TestClients.For(server, o => o.MaxResponseBytes = 4999);

        var e = await Assert.ThrowsAsync<CbResponseTooLargeException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/long"));

        Assert.Equal(5000, e.DeclaredLength);
        Assert.Contains("declares Content-Length 5000", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountRequests("GET", "/api/long"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_gzip_bomb_stops_at_the_limit_counted_after_decompression(bool declareCompressedLength)
    {
        var bomb = Gzip(64 * MiB); // 64 MiB of zeros in about 64 KB
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/bomb", async ctx =>
        {
            ctx.Response.Headers.ContentEncoding = "gzip";
            if (declareCompressedLength)
                ctx.Response.ContentLength = bomb.Length;
            await ctx.Response.Body.WriteAsync(bomb, ctx.RequestAborted);
        });
        using var client = TestClients.For(server, o => o.MaxResponseBytes = MiB);

        var e = await Assert.ThrowsAsync<CbResponseTooLargeException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/bomb"));

        Assert.Equal(MiB, e.Limit);
        Assert.True(bomb.Length < MiB, "the compressed body itself is under the limit");
    }

    [Fact]
    public async Task A_known_length_larger_than_the_trusted_allocation_is_read_whole_into_one_exact_array()
    {
        var length = CbBufferedContent.TrustedDeclaredLength + 5 * MiB + 3;
        await using var server = await LoopbackServer.StartAsync();
        var body = JsonOfLength(length);
        server.Route("GET", "/api/big", async ctx =>
        {
            ctx.Response.ContentLength = length;
            await ctx.Response.WriteAsync(body);
        });
        using var client = TestClients.For(server);

        using var response = await client.SendAsync(HttpMethod.Get, "/api/big");
        var bytes = await CbBufferedContent.BodyOfAsync(response, CancellationToken.None);

        Assert.Equal(length, bytes.Length);
        Assert.Equal((byte)'"', bytes[^1]);
        Assert.Equal((byte)'x', bytes[^2]);
    }

    [Fact]
    public async Task A_streamed_body_is_not_limited_by_MaxResponseBytes()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/download", ctx => ctx.Response.Body.WriteAsync(new byte[3 * MiB]).AsTask());
        using var client = TestClients.For(server, o => o.MaxResponseBytes = 1000);

        using var response = await client.SendStreamingAsync(HttpMethod.Get, "/api/download");
        await using var body = await response.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);

        Assert.Equal(3 * MiB, copy.Length);
    }

    [Fact]
    public async Task A_streamed_body_declaring_more_than_MaxStreamedResponseBytes_is_refused_at_the_headers()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/download", async ctx =>
        {
            ctx.Response.ContentLength = 5000;
            await ctx.Response.Body.WriteAsync(new byte[5000]);
        });
        using var client = TestClients.For(server, o => o.MaxStreamedResponseBytes = 4000);

        var e = await Assert.ThrowsAsync<CbResponseTooLargeException>(() => client.SendStreamingAsync(HttpMethod.Get, "/api/download"));

        Assert.Equal(5000, e.DeclaredLength);
        Assert.Contains("MaxStreamedResponseBytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_endless_streamed_body_stops_at_MaxStreamedResponseBytes_however_it_is_read(bool asByteArray)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/download", Endless);
        using var client = TestClients.For(server, o => o.MaxStreamedResponseBytes = 2 * MiB);

        using var response = await client.SendStreamingAsync(HttpMethod.Get, "/api/download");
        long delivered = 0;
        var e = await Assert.ThrowsAsync<CbResponseTooLargeException>(async () =>
        {
            if (asByteArray)
            {
                await response.Content.ReadAsByteArrayAsync();
                return;
            }
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
                delivered += read;
        });

        Assert.Equal(2 * MiB, e.Limit);
        Assert.True(delivered <= 2 * MiB, $"delivered {delivered} bytes past the limit");
    }

    [Fact]
    public void Buffer_growth_never_overflows_past_1_GiB()
    {
        Assert.Equal(Array.MaxLength, CbBufferedContent.NextCapacity(1536 * MiB, Array.MaxLength));
        Assert.Equal(Array.MaxLength, CbBufferedContent.NextCapacity(int.MaxValue, Array.MaxLength));
        Assert.Equal(100, CbBufferedContent.NextCapacity(16 * 1024, 100));
        Assert.Equal(2 * MiB, CbBufferedContent.NextCapacity(MiB, int.MaxValue));
    }

    [Fact]
    public void Negative_limits_are_refused()
    {
        var options = new CbResponseClientOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxResponseBytes = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxStreamedResponseBytes = -1);
        Assert.Equal(256L * MiB, options.MaxResponseBytes);
        Assert.Null(options.MaxStreamedResponseBytes);
    }
}

/// <summary>The allocation half of the matrix: what a lying Content-Length costs the client.</summary>
[Collection(RunsAlone.Name)]
public sealed class DeclaredLengthAllocationTests
{
    [Fact]
    public async Task A_declared_1_9_GB_with_a_10_byte_body_is_refused_without_allocating_it()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/liar", LieAboutLength(1_900_000_000));
        using var client = TestClients.For(server);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = await Assert.ThrowsAsync<CbResponseTooLargeException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/liar"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(1_900_000_000, e.DeclaredLength);
        Assert.Equal(256L * 1024 * 1024, e.Limit);
        Assert.True(allocated < 64 * 1024 * 1024, $"allocated {allocated} bytes");
        Assert.Equal(1, server.CountRequests("GET", "/api/liar"));
    }

    [Fact]
    public async Task A_declared_length_under_a_raised_limit_costs_what_arrives_not_what_is_declared()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/liar", LieAboutLength(900_000_000));
        using var client = TestClients.For(server, o => { o.MaxResponseBytes = 1_000_000_000; o.Retry.MaxRetries = 0; });

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = await Assert.ThrowsAsync<CbConnectionException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/liar"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Contains("GET /api/liar", e.Message, StringComparison.Ordinal);
        // The first 32 MiB are allocated on trust; the rest of the 900 MB would only follow the bytes.
        Assert.True(allocated < 200 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    /// <summary>Declares <paramref name="declared"/> bytes, sends 10, then hangs up.</summary>
    private static Func<HttpContext, Task> LieAboutLength(long declared) => async ctx =>
    {
        ctx.Response.ContentLength = declared;
        await ctx.Response.WriteAsync("""{"a":"b"} """);
        await ctx.Response.Body.FlushAsync();
        try { await Task.Delay(TimeSpan.FromMilliseconds(200), ctx.RequestAborted); } catch (OperationCanceledException) { }
        ctx.Abort();
    };
}
