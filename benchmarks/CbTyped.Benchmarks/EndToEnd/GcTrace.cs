using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CbTyped.Benchmarks.EndToEnd;

/// <summary>Opt-in diagnostic of the paging run (GCTRACE=1): large-object allocations by type, and the reason of every GC.</summary>
internal sealed class GcTrace : EventListener
{
    public ConcurrentDictionary<string, int> Large { get; } = new();
    public ConcurrentDictionary<string, int> Reasons { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName == "GCAllocationTick_V4" || e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true)
        {
            var kind = e.Payload![e.PayloadNames!.IndexOf("AllocationKind")];
            if (Convert.ToInt32(kind, System.Globalization.CultureInfo.InvariantCulture) == 1)
                Large.AddOrUpdate((string)e.Payload[e.PayloadNames.IndexOf("TypeName")]!, 1, (_, n) => n + 1);
        }
        else if (e.EventName?.StartsWith("GCStart", StringComparison.Ordinal) == true)
        {
            var reason = e.Payload![e.PayloadNames!.IndexOf("Reason")]!.ToString()!;
            var depth = e.Payload[e.PayloadNames.IndexOf("Depth")]!.ToString()!;
            Reasons.AddOrUpdate("gen" + depth + " reason " + reason, 1, (_, n) => n + 1);
        }
    }
}
