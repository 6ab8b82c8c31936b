namespace CbTyped.Response;

public partial class Alert
{
    /// <summary>Marks the alert resolved (<c>POST /api/v1/alert/{unique_id}</c>) and reloads it.</summary>
    public Task ResolveAsync(CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(AlertStatus.Resolved, cancellationToken);

    /// <summary>
    /// Moves the alert to <paramref name="status"/>: sends only <c>{"status", "unique_id"}</c> (cbapi's
    /// <c>change_status</c>), then reloads it so <see cref="Status"/>, <c>resolved_time</c> and <c>assigned_to</c>
    /// show what the server did.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is <see cref="AlertStatus.Unknown"/>.</exception>
    public async Task ChangeStatusAsync(AlertStatus status, CancellationToken cancellationToken = default)
    {
        RequireUniqueId();
        await PostStatusAsync(AlertStatusText.Of(status), cancellationToken).ConfigureAwait(false);
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Assigns the alert to <paramref name="user"/> and moves it to In Progress (<c>POST /api/v1/alerts</c>).</summary>
    public async Task AssignAsync(string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await BulkUpdateAsync(RequireClient(), [RequireUniqueId()], requestedStatus: AlertStatusText.Of(AlertStatus.InProgress), assignedTo: user,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ignores (or un-ignores) the alert's report so it raises no more alerts, and sets the alert's status
    /// (False Positive by default), with <c>POST /api/v1/alerts</c>.
    /// </summary>
    public async Task SetIgnoredAsync(bool ignored = true, AlertStatus status = AlertStatus.FalsePositive, CancellationToken cancellationToken = default)
    {
        var text = AlertStatusText.Of(status);
        await BulkUpdateAsync(RequireClient(), [RequireUniqueId()], requestedStatus: text, setIgnored: ignored,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
    }

    private string RequireUniqueId() =>
        UniqueId ?? throw new InvalidOperationException("This alert has no unique_id; get alerts through a query.");
}
