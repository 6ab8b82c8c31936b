using System.IO.Compression;
using System.Text;
using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

/// <summary>
/// Bodies are read once into an exact-size array (Transport/CbBufferedContent): with a Content-Length, and without
/// one (gzip or chunked: pooled growing scratch buffers, then one copy). Rows keep slices of that array.
/// </summary>
public sealed class BodyReadingTests
{
    [Fact]
    public async Task A_large_gzip_search_page_without_a_length_is_read_whole()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/process", async ctx =>
        {
            var body = new StringBuilder("{\"results\":[");
            for (var i = 0; i < 300; i++) // ~45 KB: several doublings of the 16 KB scratch buffer
                body.Append(i > 0 ? "," : "").Append(SearchRoutes.ProcessRow(i));
            body.Append("],\"total_results\":300,\"start\":0}");
            ctx.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(body.ToString()));
        });
        using var client = TestClients.For(server);

        var rows = await client.Select<Proc>().PageSize(300).ToListAsync();

        Assert.Equal(300, rows.Count);
        Assert.Equal("p0.exe", rows[0].ProcessName);
        Assert.Equal("p299.exe", rows[299].ProcessName);
        Assert.Equal(150, rows[150].ProcessPid);
    }

    [Fact]
    public async Task A_chunked_body_is_read_whole()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/chunked", async ctx =>
        {
            for (var i = 0; i < 5; i++)
            {
                await ctx.Response.WriteAsync(i == 0 ? "[" : ",");
                await ctx.Response.WriteAsync($$"""{"n":{{i}},"pad":"{{new string('x', 9000)}}"}""");
                await ctx.Response.Body.FlushAsync();
            }
            await ctx.Response.WriteAsync("]");
        });
        using var client = TestClients.For(server);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/chunked");

        Assert.Equal(5, doc!.RootElement.GetArrayLength());
        Assert.Equal(4, doc.RootElement[4].GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task A_body_cut_short_of_its_length_is_retried_for_a_GET()
    {
        await using var server = await LoopbackServer.StartAsync();
        var attempts = 0;
        server.Route("GET", "/api/cut", async ctx =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                ctx.Response.ContentLength = 1000;
                await ctx.Response.WriteAsync("""{"ok":""");
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
            }
            await ctx.Response.WriteAsync("""{"ok":true}""");
        });
        using var client = TestClients.For(server);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/cut");

        Assert.True(doc!.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(2, server.CountRequests("GET", "/api/cut"));
    }
}
