using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CbTyped.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Emulator.Hosting;

/// <summary>The three cross-cutting steps every request passes, outermost first: log, faults, authentication.</summary>
internal static class PipelineMiddleware
{
    public const string FaultHeader = "X-Emulator-Fault";
    public const string FaultQueryParameter = "emulator.fault";

    /// <summary>Records every request (method, path+query, status) and writes one line per request if asked.</summary>
    public static async Task LogAsync(HttpContext context, RequestDelegate next, RequestLog log, TextWriter? writer)
    {
        var started = Stopwatch.GetTimestamp();
        var pathAndQuery = context.Request.Path + context.Request.QueryString;
        var body = await ReadSmallBodyAsync(context.Request);
        var aborted = false;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            aborted = true;
        }
        finally
        {
            aborted |= context.RequestAborted.IsCancellationRequested;
            var status = aborted ? 0 : context.Response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started);
            log.Add(new RequestLogEntry(context.Request.Method, pathAndQuery, status, DateTimeOffset.UtcNow, elapsed) { Body = body });
            if (writer is not null)
            {
                // The token is a header and never part of this line.
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{DateTime.UtcNow:HH:mm:ss.fff} {context.Request.Method} {pathAndQuery} -> {(aborted ? "aborted" : status.ToString(CultureInfo.InvariantCulture))} ({elapsed.TotalMilliseconds:0.0} ms)");
                lock (writer)
                {
                    writer.WriteLine(line);
                    writer.Flush();
                }
            }
        }
    }

    /// <summary>
    /// A body of known, small length read for the request log and rewound for the endpoint; null for none, for a
    /// large one and for a body of unknown length (a chunked upload is left to stream).
    /// </summary>
    private static async Task<string?> ReadSmallBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is not { } length || length <= 0 || length > RequestLog.MaxRecordedBodyBytes)
        {
            return null;
        }

        request.EnableBuffering();
        var buffer = new byte[(int)length];
        var read = 0;
        try
        {
            while (read < buffer.Length && await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted) is var n and > 0)
            {
                read += n;
            }
        }
        finally
        {
            request.Body.Position = 0;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>Applies a fault from the header, the query parameter or the test's rules.</summary>
    public static async Task FaultAsync(HttpContext context, RequestDelegate next, FaultInjector injector)
    {
        var fault = EmulatorFault.Parse(context.Request.Headers[FaultHeader])
            ?? EmulatorFault.Parse(context.Request.Query[FaultQueryParameter])
            ?? injector.Take(context.Request.Method, context.Request.Path.Value ?? "/");
        if (fault is null)
        {
            await next(context);
            return;
        }

        switch (fault.Kind)
        {
            case FaultKind.LiveResponseSessionNotFound:
                await WriteAsync(context, 404, "application/json; charset=utf-8",
                    "{\"status\":\"NOT_FOUND\",\"reason\":\"Session " + SessionIdIn(context.Request.Path.Value) + " not found\"}");
                break;
            case FaultKind.Status:
                await WriteAsync(context, fault.StatusCode, "application/json; charset=utf-8",
                    "{\"reason\":\"server_error\",\"message\":\"Injected fault: HTTP " + fault.StatusCode.ToString(CultureInfo.InvariantCulture) + "\"}");
                break;
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await WriteAsync(context, 429, "application/json; charset=utf-8", "{\"reason\":\"too_many_requests\",\"message\":\"Slow down\"}");
                break;
            case FaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted);
                await next(context);
                break;
            case FaultKind.Abort:
                context.Abort();
                break;
            case FaultKind.TruncatedBody:
            {
                var body = await CaptureAsync(context, next);
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                break;
            }

            case FaultKind.MalformedJson:
            {
                var body = await CaptureAsync(context, next);
                var text = body.Length > 2 ? Encoding.UTF8.GetString(body, 0, body.Length / 2) : "{\"result\": \"succ";
                context.Response.StatusCode = 200;
                await WriteAsync(context, 200, "application/json; charset=utf-8", text);
                break;
            }

            case FaultKind.HtmlError:
                await WriteAsync(context, fault.StatusCode, "text/html",
                    "<html>\r\n<head><title>" + fault.StatusCode.ToString(CultureInfo.InvariantCulture) + " Bad Gateway</title></head>\r\n<body bgcolor=\"white\">\r\n<center><h1>"
                    + fault.StatusCode.ToString(CultureInfo.InvariantCulture) + " Bad Gateway</h1></center>\r\n<hr><center>nginx/1.10.2</center>\r\n</body>\r\n</html>\r\n");
                break;
        }
    }

    /// <summary>The <c>{sid}</c> of a <c>/api/v1/cblr/session/{sid}/…</c> path, or 0.</summary>
    private static int SessionIdIn(string? path)
    {
        const string Prefix = "/api/v1/cblr/session/";
        if (path is null || !path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var rest = path.AsSpan(Prefix.Length);
        var end = rest.IndexOf('/');
        return int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sid) ? sid : 0;
    }

    /// <summary>Rejects a missing or wrong <c>X-Auth-Token</c> with 401 (compared in constant time).</summary>
    public static Task AuthenticateAsync(HttpContext context, RequestDelegate next, byte[] expectedToken)
    {
        var given = Encoding.UTF8.GetBytes(context.Request.Headers["X-Auth-Token"].ToString());
        return CryptographicOperations.FixedTimeEquals(given, expectedToken)
            ? next(context)
            : WriteAsync(context, 401, "text/plain; charset=utf-8", "Unauthorized: a valid X-Auth-Token header is required.");
    }

    private static async Task<byte[]> CaptureAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        return buffer.ToArray();
    }

    private static Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
