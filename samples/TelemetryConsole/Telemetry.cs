using System.Runtime.CompilerServices;
using CbTyped;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Contoso.Telemetry;

/// <summary>
/// Exports the SDK's spans and metrics to the console for the whole run. A module initializer, so Program.cs can be
/// the README's program word for word; in your own app these are the two <c>using var</c> lines of docs/telemetry.md.
/// </summary>
internal static class Telemetry
{
    private static TracerProvider? traces;
    private static MeterProvider? metrics;

    [ModuleInitializer]
    internal static void Start()
    {
        traces = Sdk.CreateTracerProviderBuilder().AddSource(CbTelemetry.ActivitySourceName).AddConsoleExporter().Build();
        metrics = Sdk.CreateMeterProviderBuilder().AddMeter(CbTelemetry.MeterName).AddConsoleExporter().Build();
        // Disposing flushes: the last spans and the metrics' final collection are written before the process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            traces?.Dispose();
            metrics?.Dispose();
        };
    }
}
