using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CbTyped.Response.Tests.Telemetry;

/// <summary>
/// OpenTelemetry set up as an application would (<c>AddSource</c>/<c>AddMeter</c> with the SDK's names) with the
/// in-memory exporters: the spans of one trace, under <see cref="Test"/> (the test's own span, current while the
/// capture lives), and the metrics, read per emulator port so other tests' clients do not count.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("CbTyped.Response.Tests.Telemetry");

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _traces;
    private readonly MeterProvider _meters;

    public TelemetryCapture()
    {
        var traceId = ActivityTraceId.CreateRandom();
        _traces = Sdk.CreateTracerProviderBuilder()
            .AddSource(CbTelemetry.ActivitySourceName, TestSource.Name)
            .SetSampler(new OneTraceSampler(traceId))
            .AddInMemoryExporter(_spans)
            .Build();
        _meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(CbTelemetry.MeterName)
            .AddInMemoryExporter(_metrics)
            .Build();
        Test = TestSource.StartActivity("test", ActivityKind.Internal, new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded))
            ?? throw new InvalidOperationException("The test span was not sampled.");
    }

    /// <summary>The test's span: the SDK's spans started while it is current are its descendants.</summary>
    public Activity Test { get; }

    /// <summary>
    /// The SDK's ended spans of this trace, in the order they ended. Read once the operations have completed: only this
    /// trace is recorded, so nothing else is added to the list meanwhile.
    /// </summary>
    public IReadOnlyList<Activity> Spans => _spans.Where(s => s.Source.Name == CbTelemetry.ActivitySourceName).ToList();

    /// <summary>The SDK's HTTP spans (kind Client) of this trace.</summary>
    public IReadOnlyList<Activity> HttpSpans => Spans.Where(s => s.Kind == ActivityKind.Client).ToList();

    /// <summary>Children of <paramref name="parent"/> among the SDK's spans.</summary>
    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => Spans.Where(s => s.ParentSpanId == parent.SpanId).ToList();

    /// <summary>The metric points of instrument <paramref name="name"/> for the server on <paramref name="port"/>, collected now.</summary>
    public IReadOnlyList<MetricPoint> Points(string name, int port)
    {
        _meters.ForceFlush();
        var snapshot = _metrics.LastOrDefault(m => m.Name == name);
        if (snapshot is null)
            return [];
        return snapshot.MetricPoints.Where(p => Tag(p, "server.port") == port.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The counter's total for the server on <paramref name="port"/> over the points whose tags include <paramref name="tags"/>.</summary>
    public long Sum(string name, int port, params (string Key, string Value)[] tags) =>
        Points(name, port).Where(p => tags.All(t => Tag(p, t.Key) == t.Value)).Sum(p => p.GetSumLong());

    /// <summary>A tag of a metric point as text, or null.</summary>
    public static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return null;
    }

    public void Dispose()
    {
        Test.Dispose();
        _traces.Dispose();
        _meters.Dispose();
    }
}
