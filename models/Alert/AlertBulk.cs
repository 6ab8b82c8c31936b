using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>
/// Bulk alert changes (cbapi's <c>AlertQuery.change_status</c>, <c>assign</c>, <c>set_ignored</c>): every matching
/// alert's id is collected, then <c>POST /api/v1/alerts</c> is sent in blocks of 500 ids.
/// </summary>
public static class AlertBulk
{
    /// <summary>The most ids one request carries (cbapi's block size).</summary>
    public const int BlockSize = 500;

    /// <summary>Moves every alert the query matches to <paramref name="status"/>; returns how many alerts were sent.</summary>
    public static Task<int> ChangeStatusAsync(this ICbQuery<Alert> alerts, AlertStatus status, CancellationToken cancellationToken = default)
    {
        var text = AlertStatusText.Of(status);
        return SendAsync(alerts, w => w.WriteString("requested_status", text), cancellationToken);
    }

    /// <summary>Resolves every alert the query matches; returns how many alerts were sent.</summary>
    public static Task<int> ResolveAllAsync(this ICbQuery<Alert> alerts, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(alerts, AlertStatus.Resolved, cancellationToken);

    /// <summary>Assigns every alert the query matches to <paramref name="user"/> (In Progress).</summary>
    public static Task<int> AssignAllAsync(this ICbQuery<Alert> alerts, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return SendAsync(alerts, w =>
        {
            w.WriteString("assigned_to", user);
            w.WriteString("requested_status", "In Progress");
        }, cancellationToken);
    }

    /// <summary>Ignores (or un-ignores) the reports of every alert the query matches and sets their status.</summary>
    public static Task<int> SetIgnoredAllAsync(this ICbQuery<Alert> alerts, bool ignored = true, AlertStatus status = AlertStatus.FalsePositive, CancellationToken cancellationToken = default)
    {
        var text = AlertStatusText.Of(status);
        return SendAsync(alerts, w =>
        {
            w.WriteBoolean("set_ignored", ignored);
            w.WriteString("requested_status", text);
        }, cancellationToken);
    }

    private static async Task<int> SendAsync(ICbQuery<Alert> alerts, Action<Utf8JsonWriter> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        // Collect first: changing status while paging would move alerts between pages of a status filter.
        var ids = new List<string>();
        CbResponseClient? client = null;
        await foreach (var alert in alerts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            client ??= alert.RequireResponseClient();
            if (alert.UniqueId is { } id)
                ids.Add(id);
        }

        if (client is null)
            return 0;
        for (int i = 0; i < ids.Count; i += BlockSize)
            await PostAsync(client, ids.GetRange(i, Math.Min(BlockSize, ids.Count - i)), updates, cancellationToken).ConfigureAwait(false);
        return ids.Count;
    }

    internal static async Task PostAsync(CbResponseClient client, IReadOnlyList<string> ids, Action<Utf8JsonWriter> updates, CancellationToken cancellationToken)
    {
        var body = JsonBody.Build(w =>
        {
            JsonBody.WriteStrings(w, "alert_ids", ids);
            updates(w);
        });
        (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/alerts", body, cancellationToken).ConfigureAwait(false))?.Dispose();
    }
}
