using System.Diagnostics;

namespace CbTyped;

/// <summary>
/// The names under which the SDK emits traces (<see cref="ActivitySource"/>) and metrics
/// (<see cref="System.Diagnostics.Metrics.Meter"/>), for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>, and the
/// way hand-written model code adds a span of its own. Nothing is recorded unless a listener subscribes to these names.
/// The spans, instruments and attributes are listed in docs/telemetry.md.
/// </summary>
public static class CbTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per SDK operation and per HTTP request.</summary>
    public const string ActivitySourceName = "CbTyped";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: request duration, retries, cache hits and misses, pages read.</summary>
    public const string MeterName = "CbTyped";

    /// <summary>
    /// Starts the span of an SDK operation, named <c>"{operation} {model}"</c> (e.g. <c>walk Process</c>), as a child of
    /// the current activity; HTTP requests sent while it is current become its children. Null when nothing listens.
    /// For hand-written model code (a custom model's partial) whose operation spans several requests; dispose it when
    /// the operation ends, after <see cref="Fail"/> if it failed.
    /// </summary>
    /// <param name="operation">A short, fixed verb: <c>walk</c>, <c>export</c>, … (never a value from the data).</param>
    /// <param name="model">The model's name, e.g. <c>Process</c>.</param>
    public static Activity? StartOperation(string operation, string model)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentException.ThrowIfNullOrEmpty(model);
        return CbInstruments.StartOperation(operation, model);
    }

    /// <summary>
    /// Marks an operation's span failed: status <see cref="ActivityStatusCode.Error"/> and <c>error.type</c> set to the
    /// exception's type name. The message is not recorded (it may hold a request's query).
    /// </summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        CbInstruments.Fail(activity, exception);
    }
}
