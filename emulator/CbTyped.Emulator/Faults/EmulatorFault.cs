using System.Globalization;

namespace CbTyped.Emulator.Faults;

/// <summary>What goes wrong with a response.</summary>
public enum FaultKind
{
    /// <summary>An error status (500, 502, 503, 504, …) with a JSON error body.</summary>
    Status,

    /// <summary>429 with a <c>Retry-After</c> header.</summary>
    TooManyRequests,

    /// <summary>Wait, then answer normally.</summary>
    Delay,

    /// <summary>Drop the connection without an answer.</summary>
    Abort,

    /// <summary>Send the headers and half the body, then drop the connection.</summary>
    TruncatedBody,

    /// <summary>200 with a JSON body cut short (it does not parse).</summary>
    MalformedJson,

    /// <summary>An HTML error page, as a proxy or load balancer in front of the server sends.</summary>
    HtmlError,

    /// <summary>
    /// The Live Response 404 <c>{"status":"NOT_FOUND","reason":"Session &lt;sid&gt; not found"}</c>, as when the server
    /// dropped the session: lets a test drive a client's re-open-and-retry path, and its retry limit.
    /// </summary>
    LiveResponseSessionNotFound,
}

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
