namespace CbTyped.Response;

public partial class FeedAction
{
    /// <summary>The feed this action belongs to (<c>group_id</c>).</summary>
    public Task<Feed?> GetFeedAsync(CancellationToken cancellationToken = default) =>
        GroupId is { } id ? Feed.GetByIdAsync(RequireClient(), id, cancellationToken) : Task.FromResult<Feed?>(null);
}
