using System.Diagnostics;

namespace CbTyped;

/// <summary>
/// The span and duration measurement of one HTTP request (one attempt or redirect hop), after OpenTelemetry's HTTP
/// client conventions: the span is named for the method and carries the method, server address and port, scheme,
/// the path only (never the query, whose values may be search terms; never a header, so never the token), the
/// status, the resend count and <c>error.type</c>. A struct, so a request nobody listens to allocates nothing.
/// </summary>
internal readonly struct CbHttpRequestTelemetry
{
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly string _method;
    private readonly CbServerTags _server;

    private CbHttpRequestTelemetry(Activity? activity, long started, string method, CbServerTags server)
    {
        _activity = activity;
        _started = started;
        _method = method;
        _server = server;
    }

    public static CbHttpRequestTelemetry Start(string method, Uri uri, int resendCount, CbServerTags server)
    {
        Activity? activity = null;
        if (CbInstruments.Source.HasListeners())
        {
            activity = CbInstruments.Source.StartActivity(method, ActivityKind.Client);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(CbTelemetryTags.Method, method);
                activity.SetTag(CbTelemetryTags.ServerAddress, server.Address);
                activity.SetTag(CbTelemetryTags.ServerPort, server.Port);
                activity.SetTag(CbTelemetryTags.UrlScheme, server.Scheme);
                activity.SetTag(CbTelemetryTags.UrlPath, uri.AbsolutePath);
                if (resendCount > 0)
                    activity.SetTag(CbTelemetryTags.ResendCount, resendCount);
            }
        }
        return new CbHttpRequestTelemetry(activity, Stopwatch.GetTimestamp(), method, server);
    }

    /// <summary>
    /// Ends the request with the status it got (≥ 400 is an error, its <c>error.type</c> the status code), or with
    /// <paramref name="failure"/>'s <c>error.type</c> (<see cref="CbInstruments.ErrorType"/>) when one ended it.
    /// </summary>
    public void Stop(int? statusCode, string? failure = null)
    {
        string? errorType = failure
            ?? (statusCode >= 400 ? statusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        if (CbInstruments.RequestDuration.Enabled)
        {
            var tags = _server.Tags();
            tags.Add(CbTelemetryTags.Method, _method);
            if (statusCode is { } status)
                tags.Add(CbTelemetryTags.StatusCode, status);
            if (errorType is not null)
                tags.Add(CbTelemetryTags.ErrorType, errorType);
            CbInstruments.RequestDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }
        if (_activity is null)
            return;
        if (_activity.IsAllDataRequested)
        {
            if (statusCode is { } code)
                _activity.SetTag(CbTelemetryTags.StatusCode, code);
            if (errorType is not null)
                _activity.SetTag(CbTelemetryTags.ErrorType, errorType);
        }
        if (errorType is not null)
            _activity.SetStatus(ActivityStatusCode.Error);
        _activity.Dispose();
    }
}
