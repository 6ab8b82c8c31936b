using System.Globalization;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Process
{
    /// <summary>How many levels a walk may go before it is taken for a cycle (cbapi's limit).</summary>
    public const int MaxWalkDepth = 500;

    /// <summary>
    /// The key of this process as the client caches it: <c>"{guid}/{segment}"</c>.
    /// </summary>
    public static string KeyFor(string processGuid, long segment) =>
        processGuid + "/" + segment.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The parent's key at <paramref name="segment"/>, or null for a root. Uses <c>parent_unique_id</c>, or
    /// <c>parent_id</c> when that is empty or names another sensor (cbapi's rule; compared with this process's
    /// <c>sensor_id</c>, so no sensor request is needed).
    /// </summary>
    public string? GetParentKey(long segment)
    {
        string? candidate = ParentUniqueId;
        if (string.IsNullOrEmpty(candidate)
            || (ProcessGuid.TryParse(candidate, out var parentGuid) && SensorId is int sensorId && parentGuid.SensorId != sensorId))
        {
            candidate = ParentId;
        }

        return !string.IsNullOrEmpty(candidate) && ProcessGuid.TrySplitUniqueId(candidate, out string guid, out _)
            ? KeyFor(guid, segment)
            : null;
    }

    /// <summary>
    /// The parent process (its summary, through the identity cache: a parent already fetched costs no request), or
    /// null for a root or when the server no longer has it (404).
    /// </summary>
    public async Task<Process?> GetParentAsync(CancellationToken cancellationToken = default)
    {
        var info = await CbOperations.SessionOf(this, "Process.GetParentAsync").GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        string? key = GetParentKey(info.DefaultProcessSegment);
        if (key is null && !IsFull)
        {
            // A partial row without parent ids: the summary has them.
            await EnsureFullAsync(cancellationToken).ConfigureAwait(false);
            key = GetParentKey(info.DefaultProcessSegment);
        }

        if (key is null)
        {
            return null;
        }

        try
        {
            return await RequireClient().GetAsync<Process>(key, cancellationToken).ConfigureAwait(false);
        }
        catch (CbObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Calls <paramref name="callback"/> for each ancestor, nearest first, with its depth (0 = the parent). Stops at a
    /// root, at a placeholder parent (<c>process_pid</c> -1), at a parent the server does not have, or after depth
    /// <paramref name="maxDepth"/> when it is above 0. Ancestors come through the identity cache, so walking a chain
    /// twice costs no request the second time.
    /// </summary>
    /// <exception cref="CbApiException">The chain loops (or is deeper than <see cref="MaxWalkDepth"/>).</exception>
    public async Task WalkParentsAsync(Func<Process, int, CancellationToken, Task> callback, int maxDepth = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // One span for the walk (the callback's time included); the GETs of the ancestors are its children.
        using var span = CbTelemetry.StartOperation("walk", nameof(Process));
        span?.SetTag("cbtyped.walk.direction", "parents");
        try
        {
            await WalkParentsCoreAsync(callback, maxDepth, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CbTelemetry.Fail(span, e);
            throw;
        }
    }

    private async Task WalkParentsCoreAsync(Func<Process, int, CancellationToken, Task> callback, int maxDepth, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Id ?? string.Empty };
        Process current = this;
        for (int depth = 0; ; depth++)
        {
            // The parent block a summary carries is the parent's document: cbapi walks on from it without a request.
            Process? parent = await current.GetParentFromSummaryAsync(cancellationToken).ConfigureAwait(false)
                ?? await current.GetParentAsync(cancellationToken).ConfigureAwait(false);
            if (parent is null || (parent.ProcessPid ?? -1) == -1)
            {
                return;
            }

            if (depth >= MaxWalkDepth || !seen.Add(parent.Id ?? string.Empty))
            {
                throw new CbApiException($"Process cycle detected at depth {depth}.");
            }

            await callback(parent, depth, cancellationToken).ConfigureAwait(false);
            if (maxDepth > 0 && depth >= maxDepth)
            {
                return;
            }

            current = parent;
        }
    }

    /// <summary>Synchronous-callback form of <see cref="WalkParentsAsync(Func{Process, int, CancellationToken, Task}, int, CancellationToken)"/>.</summary>
    public Task WalkParentsAsync(Action<Process, int> callback, int maxDepth = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return WalkParentsAsync((process, depth, _) =>
        {
            callback(process, depth);
            return Task.CompletedTask;
        }, maxDepth, cancellationToken);
    }

    /// <summary>The ancestors, nearest first (see <see cref="WalkParentsAsync(Action{Process, int}, int, CancellationToken)"/>).</summary>
    public async Task<IReadOnlyList<Process>> GetParentsAsync(CancellationToken cancellationToken = default)
    {
        var parents = new List<Process>();
        await WalkParentsAsync((process, _) => parents.Add(process), 0, cancellationToken).ConfigureAwait(false);
        return parents;
    }

    /// <summary>
    /// How many ancestors this process has up to the root (cbapi's <c>depth</c>): 0 for a root. Walks the parents
    /// through the identity cache, so asking again, or after a walk, costs no request.
    /// </summary>
    /// <exception cref="CbApiException">The chain loops (or is deeper than <see cref="MaxWalkDepth"/>).</exception>
    public async Task<int> GetDepthAsync(CancellationToken cancellationToken = default)
    {
        int depth = 0;
        await WalkParentsAsync((_, _) => depth++, 0, cancellationToken).ConfigureAwait(false);
        return depth;
    }
}
