using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Process
{
    /// <summary>
    /// Calls <paramref name="callback"/> for each descendant, depth first, with its depth (0 = a child), from the
    /// summaries' <c>children</c> lists (cbapi's walk). Children the server no longer has are skipped; the walk
    /// stops below depth <paramref name="maxDepth"/> when it is above 0. Children come through the identity cache.
    /// Each summary asks for <paramref name="maxChildren"/> children (cbapi's <c>max_children</c>, default 15; a
    /// negative value means 15, as in cbapi); the result says where the server cut a list at that limit.
    /// </summary>
    public async Task<ProcessChildWalk> WalkChildrenAsync(Func<Process, int, CancellationToken, Task> callback, int maxDepth = 0, int maxChildren = DefaultMaxChildren, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var walk = new WalkState(maxDepth, maxChildren < 0 ? DefaultMaxChildren : maxChildren);
        walk.Seen.Add(Id ?? string.Empty);
        // One span for the walk (the callback's time included); the summaries and GETs are its children.
        using var span = CbTelemetry.StartOperation("walk", nameof(Process));
        span?.SetTag("cbtyped.walk.direction", "children");
        try
        {
            await WalkChildrenAsync(this, callback, 0, walk, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CbTelemetry.Fail(span, e);
            throw;
        }

        span?.SetTag("cbtyped.walk.visited", walk.Visited);
        return new ProcessChildWalk(walk.Visited, walk.CutParents);
    }

    /// <summary>Synchronous-callback form of <see cref="WalkChildrenAsync(Func{Process, int, CancellationToken, Task}, int, int, CancellationToken)"/>.</summary>
    public Task<ProcessChildWalk> WalkChildrenAsync(Action<Process, int> callback, int maxDepth = 0, int maxChildren = DefaultMaxChildren, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return WalkChildrenAsync((process, depth, _) =>
        {
            callback(process, depth);
            return Task.CompletedTask;
        }, maxDepth, maxChildren, cancellationToken);
    }

    /// <summary>One walk's limits and tallies, shared by its recursion.</summary>
    private sealed class WalkState(int maxDepth, int maxChildren)
    {
        public int MaxDepth { get; } = maxDepth;

        public int MaxChildren { get; } = maxChildren;

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public List<Process> CutParents { get; } = [];

        public int Visited { get; set; }
    }

    private static async Task WalkChildrenAsync(Process process, Func<Process, int, CancellationToken, Task> callback, int depth, WalkState walk, CancellationToken cancellationToken)
    {
        if (depth >= MaxWalkDepth)
        {
            throw new CbApiException($"Process cycle detected at depth {depth}.");
        }

        var info = await CbOperations.SessionOf(process, "Process children").GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        ProcessSummary summary;
        try
        {
            summary = await process.GetSummaryAsync(walk.MaxChildren, cancellationToken).ConfigureAwait(false);
        }
        catch (CbObjectNotFoundException) when (depth > 0)
        {
            return; // a child the server no longer has (cbapi skips it)
        }

        // The server returns at most the limit; a full list while the process counts more children was cut.
        if (summary.Children.Count >= walk.MaxChildren && summary.Process.ChildprocCount > summary.Children.Count)
        {
            walk.CutParents.Add(process);
        }

        foreach (var block in summary.Children)
        {
            if (block.Id is not { } guid || !walk.Seen.Add(guid))
            {
                continue;
            }

            // The child's block is its document (cbapi's initial data): the callback gets it without a request, and
            // the child's own summary is fetched only when the walk goes below it.
            Process child = FromBlock(process.RequireClient(), KeyFor(guid, info.DefaultProcessSegment), block.RawJson) ?? block;

            walk.Visited++;
            await callback(child, depth, cancellationToken).ConfigureAwait(false);
            if (walk.MaxDepth <= 0 || depth < walk.MaxDepth)
            {
                await WalkChildrenAsync(child, callback, depth + 1, walk, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
