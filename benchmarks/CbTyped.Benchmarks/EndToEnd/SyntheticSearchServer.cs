using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CbTyped.Benchmarks.EndToEnd;

/// <summary>
/// A loopback Kestrel server that answers a process search of any size with rows computed on the fly (realistic Cb
/// process rows, ~700 bytes each). It stores nothing, so the process's memory reflects the client, not the data set.
/// </summary>
internal sealed class SyntheticSearchServer : IAsyncDisposable
{
    public const string Token = "benchmark-token-0123456789abcdef01234567";

    private readonly WebApplication _app;
    private long _searchRequests;

    private SyntheticSearchServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public long SearchRequests => Interlocked.Read(ref _searchRequests);

    public static async Task<SyntheticSearchServer> StartAsync(long totalRows)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        SyntheticSearchServer? self = null;
        app.Run(async ctx =>
        {
            if (ctx.Request.Headers["X-Auth-Token"] != Token)
            {
                ctx.Response.StatusCode = 401;
                return;
            }
            ctx.Response.ContentType = "application/json";
            switch (ctx.Request.Path.Value)
            {
                case "/api/info":
                    await ctx.Response.WriteAsync("""{"version":"6.2.0.171114.1158","cblrEnabled":true}""");
                    break;
                case "/api/v1/storage/events/partition":
                    await ctx.Response.WriteAsync("""{"writer":{"name":"writer","info":{"isLegacy":false}}}""");
                    break;
                case "/api/v1/process":
                    Interlocked.Increment(ref self!._searchRequests);
                    await WritePageAsync(ctx, totalRows);
                    break;
                default:
                    ctx.Response.StatusCode = 404;
                    break;
            }
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        self = new SyntheticSearchServer(app, new Uri($"http://127.0.0.1:{address.Port}"));
        return self;
    }

    /// <summary>
    /// Writes the page as UTF-8 into a pooled buffer, with a Content-Length. The server shares the process with the
    /// client, so it must not allocate: a StringBuilder and string per page (~150 KB of UTF-16 each) landed on the
    /// large-object heap and caused every gen-2 collection the client was once blamed for.
    /// </summary>
    private static async Task WritePageAsync(HttpContext ctx, long total)
    {
        var start = long.Parse(ctx.Request.Query["start"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        var rows = long.Parse(ctx.Request.Query["rows"].FirstOrDefault() ?? "10", CultureInfo.InvariantCulture);
        var end = Math.Min(total, start + rows);
        var buffer = ArrayPool<byte>.Shared.Rent(512 + 1024 * (int)Math.Max(0, end - start));
        try
        {
            var length = 0;
            Append(buffer, ref length, "{\"results\":["u8);
            for (var i = start; i < end; i++)
            {
                if (i > start)
                    Append(buffer, ref length, ","u8);
                length += WriteRow(buffer.AsSpan(length), i);
            }
            Utf8.TryWrite(buffer.AsSpan(length), CultureInfo.InvariantCulture,
                $"],\"total_results\":{total},\"start\":{start},\"elapsed\":0.012,\"facets\":{{}},\"terms\":[],\"comprehensive_search\":true,\"incomplete_results\":false}}", out var written);
            length += written;
            ctx.Response.ContentLength = length;
            await ctx.Response.Body.WriteAsync(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Append(byte[] buffer, ref int length, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    private static int WriteRow(Span<byte> b, long i)
    {
        if (!Utf8.TryWrite(b, CultureInfo.InvariantCulture,
            $$"""{"id":"00000001-0000-{{i % 65536:x4}}-01d3-{{i:x12}}","unique_id":"00000001-0000-{{i % 65536:x4}}-01d3-{{i:x12}}-00000001","segment_id":1,"sensor_id":1,"process_name":"proc{{i % 997}}.exe","process_md5":"{{i:x32}}","process_pid":{{i % 30000}},"parent_pid":4,"parent_name":"services.exe","path":"c:\\windows\\system32\\proc{{i % 997}}.exe","cmdline":"proc{{i % 997}}.exe -k netsvcs -p {{i}}","hostname":"host{{i % 50}}","username":"NT AUTHORITY\\SYSTEM","start":"2018-02-06T12:44:40.002Z","last_update":"2018-02-06T12:54:40.002Z","os_type":"windows","host_type":"workstation","group":"Default Group","comms_ip":212336161,"interface_ip":-1062731519,"terminated":false,"filemod_count":{{i % 13}},"modload_count":{{i % 41}},"regmod_count":{{i % 7}},"netconn_count":{{i % 5}},"crossproc_count":0,"childproc_count":{{i % 3}},"emet_config":""}""", out var written))
            throw new InvalidOperationException("row buffer too small");
        return written;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
