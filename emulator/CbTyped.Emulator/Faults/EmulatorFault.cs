using System.Globalization;

namespace CbTyped.Emulator.Faults;

/// <summary>One injected fault. Build with the static helpers; parse the header/query syntax with <see cref="Parse"/>.</summary>
public sealed record EmulatorFault(FaultKind Kind, int StatusCode = 500, TimeSpan Delay = default, int RetryAfterSeconds = 1)
{
    /// <summary>That status with a JSON error body <c>{"reason":"server_error","message":…}</c>.</summary>
    public static EmulatorFault Status(int statusCode) => new(FaultKind.Status, statusCode);

    /// <summary>429 Too Many Requests with <c>Retry-After: <paramref name="retryAfterSeconds"/></c>.</summary>
    public static EmulatorFault TooManyRequests(int retryAfterSeconds = 1) => new(FaultKind.TooManyRequests, 429, RetryAfterSeconds: retryAfterSeconds);

    /// <summary>The normal answer, <paramref name="delay"/> late.</summary>
    public static EmulatorFault Slow(TimeSpan delay) => new(FaultKind.Delay, 200, delay);

    /// <summary>The connection is reset before any response.</summary>
    public static EmulatorFault Abort() => new(FaultKind.Abort, 0);

    /// <summary>Headers with the full <c>Content-Length</c>, half the body, then a reset.</summary>
    public static EmulatorFault TruncatedBody() => new(FaultKind.TruncatedBody, 200);

    /// <summary>200 <c>application/json</c> with the first half of the real body.</summary>
    public static EmulatorFault MalformedJson() => new(FaultKind.MalformedJson, 200);

    /// <summary>An nginx-style HTML error page with that status.</summary>
    public static EmulatorFault HtmlError(int statusCode = 502) => new(FaultKind.HtmlError, statusCode);

    /// <summary>The Live Response 404 <c>Session &lt;sid&gt; not found</c> (sid from the path).</summary>
    public static EmulatorFault LiveResponseSessionNotFound() => new(FaultKind.LiveResponseSessionNotFound, 404);

    /// <summary>
    /// Parses the script syntax of <c>X-Emulator-Fault</c> / <c>?emulator.fault=</c>: <c>500</c>, <c>502</c>,
    /// <c>503</c>, <c>504</c>, <c>429</c> or <c>429:5</c> (Retry-After seconds), <c>delay:1500</c> (ms), <c>abort</c>,
    /// <c>truncate</c>, <c>malformed-json</c>, <c>html</c>, <c>html:503</c> or <c>cblr-404</c>. Null when the text is none of these.
    /// </summary>
    public static EmulatorFault? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().ToLowerInvariant().Split([':', '='], 2);
        var argument = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return parts[0] switch
        {
            "429" => TooManyRequests(argument ?? 1),
            "delay" or "slow" => Slow(TimeSpan.FromMilliseconds(argument ?? 1000)),
            "abort" or "drop" => Abort(),
            "truncate" or "truncated" => TruncatedBody(),
            "malformed-json" or "malformed" => MalformedJson(),
            "html" => HtmlError(argument ?? 502),
            "cblr-404" => LiveResponseSessionNotFound(),
            _ when int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) && status is >= 400 and < 600 => Status(status),
            _ => null,
        };
    }
}
