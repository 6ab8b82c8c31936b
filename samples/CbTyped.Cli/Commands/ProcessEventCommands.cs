using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary>
/// <c>cbtyped process events PROCESS [--type T]...</c>: a process's timeline, every event kind, every segment (or the
/// one named), oldest first.
/// </summary>
internal static class ProcessEventCommands
{
    public static Command Create(CommandRunner runner)
    {
        var process = new Argument<string>("process")
        {
            Description = "The process GUID (every segment), GUID/SEGMENT, or a unique id GUID-SEGMENTHEX (that segment), as 'process search' shows them.",
        };
        var types = new Option<string[]>("--type", "-t")
        {
            Description = "Only these event kinds (repeat it, or comma-separate): " + string.Join(", ", ProcessEventRows.Types) + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        types.CompletionSources.Add(ProcessEventRows.Types);
        var events = new Command("events", "A process's timeline: its module loads, file, registry and network activity, child and cross processes, blocks.") { process, types };
        runner.SetAction(events, c => EventsAsync(c, c.Get(process), c.Get(types) ?? []));
        CommandExamples.Add(events,
            "cbtyped process events 00000004-0000-0b20-01d3-1c2d3e4f5a6b",
            "cbtyped process events 00000004-0000-0b20-01d3-1c2d3e4f5a6b --type netconn --type childproc",
            "cbtyped process events 00000004-0000-0b20-01d3-1c2d3e4f5a6b/0 --json | jq -c '.[] | select(.type == \"filemod\")'");
        return events;
    }

    private static async Task<int> EventsAsync(CommandContext context, string processText, string[] typeOptions)
    {
        var types = typeOptions.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (types.FirstOrDefault(t => !ProcessEventRows.Types.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw new CliUsageException($"--type {Printable.Quote(unknown)} is not an event kind; use one of {string.Join(", ", ProcessEventRows.Types)}.");
        var (guid, segment) = Parse(processText);
        var segments = segment is { } one
            ? [await context.GetOrNotFoundAsync<Process>(Process.KeyFor(guid, one), "process").ConfigureAwait(false)]
            : await SegmentsAsync(context, guid).ConfigureAwait(false);

        // One segment's events at a time: segments are written oldest first, each one's events in time order.
        using var progress = ProgressBar.Start(context.Output, "reading events");
        using var list = new ListOutput<ProcessEvent>(context.Output, ProcessEventRows.Columns, ProcessEventRows.WriteJson, progress);
        var done = 0;
        foreach (var part in segments)
        {
            var all = await part.GetAllEventsAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var e in all)
            {
                if (types.Count == 0 || types.Contains(e.EventType))
                    list.Add(e);
            }
            progress?.Report(++done, segments.Count, "segments");
        }
        progress?.Clear();
        list.Complete();
        context.Output.Note(Counted.Of(list.Count, "event", "events") + " in " + Counted.Of(segments.Count, "segment", "segments"));
        return ExitCodes.Success;
    }

    /// <summary>Every segment of the process (cbapi's 5.x way, which 6.x answers too: a search by <c>process_id</c>), oldest first.</summary>
    private static async Task<IReadOnlyList<Process>> SegmentsAsync(CommandContext context, string guid)
    {
        var segments = await context.Client.Select<Process>().Where("process_id:" + guid).ToListAsync(context.CancellationToken).ConfigureAwait(false);
        if (segments.Count == 0)
            throw new CliNotFoundException($"process {guid} not found.");
        return [.. segments.DistinctBy(p => p.SegmentId).OrderBy(p => p.SegmentId)];
    }

    /// <summary>GUID, GUID/SEGMENT or a unique id; the GUID checked to be one, so it cannot change the query it goes into.</summary>
    private static (string Guid, long? Segment) Parse(string text)
    {
        text = text.Trim();
        string guid;
        long? segment = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            guid = text[..slash];
            if (!long.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new CliUsageException($"{Printable.Quote(text)}: the segment after '/' is not a number.");
            segment = number;
        }
        else if (text.Length > 36 && ProcessGuid.TrySplitUniqueId(text, out var id, out var fromUniqueId))
        {
            (guid, segment) = (id, fromUniqueId);
        }
        else
        {
            guid = text;
        }
        if (guid.Length != 36 || !Guid.TryParse(guid, out _))
            throw new CliUsageException($"{Printable.Quote(text)} is not a process GUID (8-4-4-4-12 hex digits, as 'process search' shows).");
        return (guid.ToLowerInvariant(), segment);
    }
}
