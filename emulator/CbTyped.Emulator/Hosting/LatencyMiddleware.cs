using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Emulator.Hosting;

/// <summary>
/// Models a real server's time per request (<see cref="CbEmulatorOptions.Latency"/>, <c>--latency 200ms</c>): each
/// request waits this long before it is handled. The wait holds no lock, so concurrent requests wait side by side, as
/// they do on a real server whose time goes into Solr and the network rather than into one shared queue.
/// </summary>
internal static class LatencyMiddleware
{
    public static async Task DelayAsync(HttpContext context, RequestDelegate next, TimeSpan latency)
    {
        await Task.Delay(latency, context.RequestAborted);
        await next(context);
    }

    /// <summary>Reads <c>200ms</c>, <c>0.2s</c> or a bare number of milliseconds (<c>200</c>).</summary>
    /// <exception cref="ArgumentException">The text is none of these, or negative.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var (number, scale) = trimmed.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (trimmed[..^2], 1.0)
            : trimmed.EndsWith('s') || trimmed.EndsWith('S') ? (trimmed[..^1], 1000.0)
            : (trimmed, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? TimeSpan.FromMilliseconds(value * scale)
            : throw new ArgumentException($"expected a latency such as 200ms or 0.2s, not '{text}'");
    }
}
