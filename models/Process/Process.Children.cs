using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Process
{
    /// <summary>
    /// Calls <paramref name="callback"/> for each descendant, depth first, with its depth (0 = a child), from the
    /// summaries' <c>children</c> lists (cbapi's walk). Children the server no longer has are skipped; the walk
    /// stops below depth <paramref name="maxDepth"/> when it is above 0. Children come through the identity cache.
    /// </summary>
    public async Task WalkChildrenAsync(Func<Process, int, CancellationToken, Task> callback, int maxDepth = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Id ?? string.Empty };
        await WalkChildrenAsync(this, callback, maxDepth, 0, seen, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Synchronous-callback form of <see cref="WalkChildrenAsync(Func{Process, int, CancellationToken, Task}, int, CancellationToken)"/>.</summary>
    public Task WalkChildrenAsync(Action<Process, int> callback, int maxDepth = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return WalkChildrenAsync((process, depth, _) =>
        {
            callback(process, depth);
            return Task.CompletedTask;
        }, maxDepth, cancellationToken);
    }

    private static async Task WalkChildrenAsync(Process process, Func<Process, int, CancellationToken, Task> callback, int maxDepth, int depth, HashSet<string> seen, CancellationToken cancellationToken)
    {
        if (depth >= MaxWalkDepth)
        {
            throw new CbApiException($"Process cycle detected at depth {depth}.");
        }

        var info = await CbOperations.SessionOf(process, "Process children").GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var summary = await process.GetSummaryAsync(DefaultMaxChildren, cancellationToken).ConfigureAwait(false);
        foreach (var block in summary.Children)
        {
            if (block.Id is not { } guid || !seen.Add(guid))
            {
                continue;
            }

            Process child;
            try
            {
                child = await process.RequireClient().GetAsync<Process>(KeyFor(guid, info.DefaultProcessSegment), cancellationToken).ConfigureAwait(false);
            }
            catch (CbObjectNotFoundException)
            {
                continue;
            }

            await callback(child, depth, cancellationToken).ConfigureAwait(false);
            if (maxDepth <= 0 || depth < maxDepth)
            {
                await WalkChildrenAsync(child, callback, maxDepth, depth + 1, seen, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
