using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CbTyped;

/// <summary>
/// The SDK's one <see cref="ActivitySource"/> and <see cref="Meter"/> and their instruments. Every recording checks
/// first that something listens (<see cref="ActivitySource.HasListeners"/>, <see cref="Instrument.Enabled"/>), so a
/// process without OpenTelemetry pays a field read per call and builds no tags.
/// </summary>
internal static class CbInstruments
{
    private static readonly string Version = typeof(CbInstruments).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(CbTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(CbTelemetry.MeterName, Version);

    /// <summary>OpenTelemetry's advised buckets for HTTP client durations (seconds).</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        "cbtyped.http.client.request.duration", "s", "Duration of each HTTP request to the Cb Response server (one per attempt and redirect hop), until its body was read.",
        tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "cbtyped.http.client.retries", "{retry}", "Requests sent again after a transient failure (idempotent methods only).");

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "cbtyped.cache.hits", "{lookup}", "Identity-cache lookups answered from the cache.");

    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>(
        "cbtyped.cache.misses", "{lookup}", "Identity-cache lookups that found nothing (the object is then loaded or referenced).");

    public static readonly Counter<long> PagesRead = Meter.CreateCounter<long>(
        "cbtyped.query.pages", "{page}", "Result pages read by queries (pages requested ahead and then dropped are not counted).");

    /// <summary>One page read by a query of <paramref name="model"/>.</summary>
    public static void CountPage(CbServerTags? server, string model)
    {
        if (!PagesRead.Enabled)
            return;
        var tags = server?.Tags() ?? default;
        tags.Add(CbTelemetryTags.Model, model);
        PagesRead.Add(1, tags);
    }

    /// <summary>One identity-cache lookup for <paramref name="model"/>: a hit or a miss.</summary>
    public static void CountCacheLookup(CbServerTags? server, string model, bool hit)
    {
        var counter = hit ? CacheHits : CacheMisses;
        if (!counter.Enabled)
            return;
        var tags = server?.Tags() ?? default;
        tags.Add(CbTelemetryTags.Model, model);
        counter.Add(1, tags);
    }

    public static Activity? StartOperation(string operation, string model, ActivityContext parent = default)
    {
        if (!Source.HasListeners())
            return null;
        var activity = Source.StartActivity(operation + " " + model, ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CbTelemetryTags.Operation, operation);
            activity.SetTag(CbTelemetryTags.Model, model);
        }
        return activity;
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
            return;
        activity.SetStatus(ActivityStatusCode.Error);
        if (activity.IsAllDataRequested)
            activity.SetTag(CbTelemetryTags.ErrorType, ErrorType(exception));
    }

    /// <summary>
    /// For an exception filter around an operation: marks its span failed (a caller's cancellation is no failure)
    /// and returns false, so the exception goes on unchanged.
    /// </summary>
    public static bool Failed(Activity? activity, Exception exception)
    {
        if (exception is not OperationCanceledException)
            Fail(activity, exception);
        return false;
    }

    /// <summary>A caller's cancellation is not a failure of the operation; anything else is.</summary>
    public static void End(Activity? activity, Exception? exception)
    {
        if (activity is null)
            return;
        if (exception is not null and not OperationCanceledException)
            Fail(activity, exception);
        activity.Dispose();
    }

    /// <summary>
    /// OpenTelemetry's <c>error.type</c> for an exception: .NET's own names for <see cref="HttpRequestError"/>s (as
    /// System.Net.Http reports them), else the exception's full type name. Never the message.
    /// </summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => http.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "name_resolution_error",
            HttpRequestError.ConnectionError => "connection_error",
            HttpRequestError.SecureConnectionError => "secure_connection_error",
            HttpRequestError.HttpProtocolError => "http_protocol_error",
            HttpRequestError.ExtendedConnectNotSupported => "extended_connect_not_supported",
            HttpRequestError.VersionNegotiationError => "version_negotiation_error",
            HttpRequestError.UserAuthenticationError => "user_authentication_error",
            HttpRequestError.ProxyTunnelError => "proxy_tunnel_error",
            HttpRequestError.InvalidResponse => "invalid_response",
            HttpRequestError.ResponseEnded => "response_ended",
            HttpRequestError.ConfigurationLimitExceeded => "configuration_limit_exceeded",
            _ => exception.GetType().FullName ?? "_OTHER",
        },
        _ => exception.GetType().FullName ?? "_OTHER",
    };
}
