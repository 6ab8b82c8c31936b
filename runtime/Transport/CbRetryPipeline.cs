using System.Globalization;
using System.Net;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CbTyped;

/// <summary>
/// The retry policy, on Polly.Core (AOT-clean, no dependencies on net10.0): idempotent requests only, on 502, 503, 504,
/// 429 and broken connections; bounded; exponential back-off with jitter; a server's <c>Retry-After</c> wins (capped at
/// <see cref="CbRetryOptions.MaxDelay"/>). Timeouts are not retried: a slow server would cost several times the timeout.
/// </summary>
internal static class CbRetryPipeline
{
    /// <summary>Carries the request line into the callbacks, for the log line.</summary>
    public static readonly ResiliencePropertyKey<string> RequestLine = new("CbTyped.RequestLine");

    /// <summary>Attempts made so far (0 before the first), for the HTTP span's <c>http.request.resend_count</c>.</summary>
    public static readonly ResiliencePropertyKey<int> Attempt = new("CbTyped.Attempt");

    public static ResiliencePipeline<HttpResponseMessage> Create(CbRetryOptions options, ILogger logger, CbServerTags server)
    {
        if (options.MaxRetries <= 0)
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        var maxRetries = options.MaxRetries;
        var maxDelay = options.MaxDelay;
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Delay,
                MaxDelay = maxDelay,
                ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, maxDelay)),
                OnRetry = args =>
                {
                    var line = args.Context.Properties.GetValue(RequestLine, "?");
                    var space = line.IndexOf(' ', StringComparison.Ordinal);
                    CbLog.Retrying(logger, line[..Math.Max(space, 0)], line[(space + 1)..],
                        args.RetryDelay.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                        args.AttemptNumber + 1, maxRetries, Reason(args.Outcome));
                    if (CbInstruments.Retries.Enabled)
                    {
                        var tags = server.Tags();
                        tags.Add(CbTelemetryTags.Method, line[..Math.Max(space, 0)]);
                        tags.Add(CbTelemetryTags.ErrorType, ErrorType(args.Outcome));
                        CbInstruments.Retries.Add(1, tags);
                    }
                    return default;
                },
            })
            .Build();
    }

    /// <summary>GET, HEAD, OPTIONS, PUT and DELETE may be repeated; POST and PATCH never are.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete ||
        method == HttpMethod.Head || method == HttpMethod.Options;

    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            or HttpStatusCode.TooManyRequests;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        { Exception: HttpRequestException e } => e.InnerException is not AuthenticationException,
        { Exception: IOException } => true,
        _ => false,
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } w)
            return null; // Polly's exponential back-off with jitter
        return w < TimeSpan.Zero ? TimeSpan.Zero : w > maxDelay ? maxDelay : w;
    }

    /// <summary>Why a request is retried, as <c>error.type</c>: the status code, or the failure's type.</summary>
    private static string ErrorType(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } r
            ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture)
            : outcome.Exception is { } e ? CbInstruments.ErrorType(e) : "_OTHER";

    private static string Reason(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } r
            ? "response " + ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name + ": " + outcome.Exception?.Message;
}
