using System.Text;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Emulator.Faults;

/// <summary>
/// A test hook for hostile or odd data the seed cannot hold: requests to one path (exact, case-insensitive, after
/// authentication) get the test's own answer instead of the endpoint's, e.g. a binary whose <c>md5</c> field is
/// <c>../../x</c>, a field of the wrong JSON type, or a body that stalls half-way. Thread-safe.
/// </summary>
public sealed class ResponseOverrides
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Func<HttpContext, Task>> handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Answers every request to <paramref name="path"/> (e.g. <c>/api/v1/binary/ABC/summary</c>) with <paramref name="handler"/>.</summary>
    public void Serve(string path, Func<HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(handler);
        lock (gate)
        {
            handlers[path] = handler;
        }
    }

    /// <summary>Answers every request to <paramref name="path"/> with 200 and <paramref name="json"/> as it is.</summary>
    public void ServeJson(string path, string json) =>
        ServeBytes(path, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(json));

    /// <summary>Answers every request to <paramref name="path"/> with 200 and these bytes.</summary>
    public void ServeBytes(string path, string contentType, byte[] body) => Serve(path, async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    });

    /// <summary>Removes every override.</summary>
    public void Clear()
    {
        lock (gate)
        {
            handlers.Clear();
        }
    }

    internal Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        Func<HttpContext, Task>? handler;
        lock (gate)
        {
            handlers.TryGetValue(context.Request.Path.Value ?? "/", out handler);
        }

        return handler is null ? next(context) : handler(context);
    }
}
