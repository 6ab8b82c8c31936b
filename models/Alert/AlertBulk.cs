using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>
/// Bulk alert changes (cbapi's <c>AlertQuery.change_status</c>, <c>assign</c>, <c>set_ignored</c>): every matching
/// alert's id is collected, then <c>POST /api/v1/alerts</c> (the spec's <c>bulk_update</c> operation) is sent in
/// blocks of 500 ids.
/// </summary>
public static class AlertBulk
{
    /// <summary>The most ids one request carries (cbapi's block size).</summary>
    public const int BlockSize = 500;

    /// <summary>Moves every alert the query matches to <paramref name="status"/>; returns how many alerts were sent.</summary>
    public static Task<int> ChangeStatusAsync(this ICbQuery<Alert> alerts, AlertStatus status, CancellationToken cancellationToken = default)
    {
        return SendAsync(alerts, AlertStatusText.Of(status), null, null, cancellationToken);
    }

    /// <summary>Resolves every alert the query matches; returns how many alerts were sent.</summary>
    public static Task<int> ResolveAllAsync(this ICbQuery<Alert> alerts, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(alerts, AlertStatus.Resolved, cancellationToken);

    /// <summary>Assigns every alert the query matches to <paramref name="user"/> (In Progress).</summary>
    public static Task<int> AssignAllAsync(this ICbQuery<Alert> alerts, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return SendAsync(alerts, AlertStatusText.Of(AlertStatus.InProgress), user, null, cancellationToken);
    }

    /// <summary>Ignores (or un-ignores) the reports of every alert the query matches and sets their status.</summary>
    public static Task<int> SetIgnoredAllAsync(this ICbQuery<Alert> alerts, bool ignored = true, AlertStatus status = AlertStatus.FalsePositive, CancellationToken cancellationToken = default)
    {
        return SendAsync(alerts, AlertStatusText.Of(status), null, ignored, cancellationToken);
    }

    private static async Task<int> SendAsync(ICbQuery<Alert> alerts, string requestedStatus, string? assignedTo, bool? setIgnored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        // Collect first: changing status while paging would move alerts between pages of a status filter.
        var ids = new List<string>();
        ICbModelSession? client = null;
        await foreach (var alert in alerts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            client ??= alert.Client;
            if (alert.UniqueId is { } id)
                ids.Add(id);
        }

        if (client is null)
            return 0;
        for (int i = 0; i < ids.Count; i += BlockSize)
            await Alert.BulkUpdateAsync(client, ids.GetRange(i, Math.Min(BlockSize, ids.Count - i)), requestedStatus, assignedTo, setIgnored, cancellationToken).ConfigureAwait(false);
        return ids.Count;
    }
}
