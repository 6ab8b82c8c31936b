namespace CbTyped.Response;

public partial class Alert
{
    /// <summary>The feed that raised the alert (null for watchlist alerts, whose <c>feed_id</c> is -1).</summary>
    public Task<Feed?> GetFeedAsync(CancellationToken cancellationToken = default) =>
        FeedId is { } id && id > 0 ? Feed.GetByIdAsync(RequireClient(), id, cancellationToken) : Task.FromResult<Feed?>(null);
}
