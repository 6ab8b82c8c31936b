using OpenTelemetry.Trace;

namespace CbTyped.Response.Tests.Telemetry;

/// <summary>Records the spans of one trace only, so spans of tests running in parallel stay out of a capture.</summary>
internal sealed class OneTraceSampler(System.Diagnostics.ActivityTraceId traceId) : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.TraceId == traceId ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
}
