using CbTyped.Emulator.Json;

namespace CbTyped.Emulator.Data;

/// <summary>
/// Splits a process into segments of at most <see cref="CbEmulatorOptions.EventsPerSegment"/> events, in time order,
/// as a 6.x server splits a long-running process. Events with one time stay in one segment, so a segment may hold a
/// few more. Segment ids are the newest segment's id (the one search rows carry) minus a minute per older segment.
/// </summary>
internal static class ProcessSegmenter
{
    private const long MillisecondsBetweenSegments = 60_000;

    public static IReadOnlyList<ProcessSegment> Split(EmulatorState state, ProcessRecord process, long newestSegmentId)
    {
        int perSegment = state.Options.EventsPerSegment;
        if (!state.IsVersion6OrLater || perSegment <= 0)
        {
            return [new ProcessSegment(newestSegmentId, null, null)];
        }

        var times = EventTimes(state, process);
        if (times.Count <= perSegment)
        {
            return [new ProcessSegment(newestSegmentId, null, null)];
        }

        times.Sort();
        var cuts = new List<DateTime>();
        for (int end = perSegment - 1; end < times.Count - 1; end += perSegment)
        {
            // A cut at the last event's time would leave the newest segment empty; ties move the cut forward.
            DateTime cut = times[end];
            if (cut < times[^1] && (cuts.Count == 0 || cut > cuts[^1]))
            {
                cuts.Add(cut);
            }
        }

        var segments = new List<ProcessSegment>(cuts.Count + 1);
        for (int i = 0; i <= cuts.Count; i++)
        {
            long id = newestSegmentId - (cuts.Count - i) * MillisecondsBetweenSegments;
            segments.Add(new ProcessSegment(id, i == 0 ? null : cuts[i - 1], i == cuts.Count ? null : cuts[i]));
        }

        return segments;
    }

    private static List<DateTime> EventTimes(EmulatorState state, ProcessRecord process)
    {
        var events = process.Events;
        var times = new List<DateTime>();
        times.AddRange(events.FileMods.Select(e => e.Time));
        times.AddRange(events.ModLoads.Select(e => e.Time));
        times.AddRange(events.RegMods.Select(e => e.Time));
        times.AddRange(events.NetConns.Select(e => e.Time));
        times.AddRange(events.CrossProcs.Select(e => e.Time));
        times.AddRange(ProcessJson.ChildEvents(state, process).Select(e => e.Time));
        return times;
    }
}
