namespace CbTyped.Response;

public partial class ThreatReport
{
    /// <summary>The feed this report belongs to.</summary>
    public Task<Feed?> GetFeedAsync(CancellationToken cancellationToken = default) =>
        FeedId is { } id ? Feed.GetByIdAsync(RequireClient(), id, cancellationToken) : Task.FromResult<Feed?>(null);
}
