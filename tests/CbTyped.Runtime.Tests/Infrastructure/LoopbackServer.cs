using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CbTyped.Runtime.Tests.Infrastructure;

/// <summary>
/// A tiny Cb Response look-alike on 127.0.0.1 (Kestrel, real sockets) for runtime tests: it checks the token, serves
/// /api/info and whatever each test routes, records every request, and can fail on purpose.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public const string DefaultToken = "0123456789abcdef0123456789abcdef01234567";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private LoopbackServer(WebApplication app, Uri url, string token)
    {
        _app = app;
        Url = url;
        Token = token;
        Route("GET", "/api/info", ctx => ctx.Response.WriteAsync(InfoJson));
        Route("GET", "/api/v1/storage/events/partition", ctx => ctx.Response.WriteAsync(PartitionsJson));
    }

    public Uri Url { get; }

    public string Token { get; }

    public string InfoJson { get; set; } = """{"version":"6.2.0.171114.1158","cblrEnabled":true,"maxSearchResultRows":1000}""";

    public string PartitionsJson { get; set; } = """{"writer":{"name":"writer","status":"hot","info":{"isLegacy":false}}}""";

    /// <summary>Every request served: "GET /path?query", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Headers of the last request, for header assertions.</summary>
    public IReadOnlyDictionary<string, string>? LastHeaders { get; private set; }

    public int CountRequests(string method, string pathPrefix) =>
        Requests.Count(r => r.StartsWith(method + " " + pathPrefix, StringComparison.Ordinal));

    public static async Task<LoopbackServer> StartAsync(X509Certificate2? certificate = null, string token = DefaultToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
                listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(ctx => server!.HandleAsync(ctx));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        server = new LoopbackServer(app, new Uri($"{uri.Scheme}://127.0.0.1:{uri.Port}"), token);
        return server;
    }

    /// <summary>Serves <paramref name="path"/> (exact path, any query) with <paramref name="handler"/>.</summary>
    public void Route(string method, string path, Func<HttpContext, Task> handler) => _routes[method + " " + path] = handler;

    /// <summary>Serves a fixed JSON body.</summary>
    public void RouteJson(string method, string path, string json, int status = 200) => Route(method, path, async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json);
    });

    private async Task HandleAsync(HttpContext ctx)
    {
        Requests.Enqueue(ctx.Request.Method + " " + ctx.Request.Path + ctx.Request.QueryString);
        LastHeaders = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (ctx.Request.Headers["X-Auth-Token"] != Token)
        {
            ctx.Response.StatusCode = 401;
            await ctx.Response.WriteAsync("""{"reason":"unauthorized"}""");
            return;
        }
        if (_routes.TryGetValue(ctx.Request.Method + " " + ctx.Request.Path, out var handler) || TryPrefix(ctx, out handler))
        {
            ctx.Response.ContentType = "application/json";
            await handler(ctx);
            return;
        }
        ctx.Response.StatusCode = 404;
        await ctx.Response.WriteAsync("""{"reason":"not found"}""");
    }

    /// <summary>Routes ending in <c>/*</c> serve every path under them; the longest prefix wins.</summary>
    private bool TryPrefix(HttpContext ctx, out Func<HttpContext, Task> handler)
    {
        var request = ctx.Request.Method + " " + ctx.Request.Path;
        var best = _routes.Where(r => r.Key.EndsWith("/*", StringComparison.Ordinal) && request.StartsWith(r.Key[..^1], StringComparison.Ordinal))
            .OrderByDescending(r => r.Key.Length).Select(r => r.Value).FirstOrDefault();
        handler = best!;
        return best is not null;
    }

    /// <summary>Reads the request body as text (for assertions on what the client sent).</summary>
    public static async Task<string> BodyOf(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        return await reader.ReadToEndAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
