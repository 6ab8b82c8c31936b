using CbTyped.Response;

namespace CbTyped.Events.JsonEvents;

public partial class FeedSyncRequested
{
    /// <summary>
    /// Fetches the <see cref="Feed"/> whose id is in <c>feed_id</c> (null when it is empty or no feed has it). Not a
    /// spec join: servers 5.0+ have no GET by id for feeds, so the feed list is read (<see cref="Feed.GetByIdAsync"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException">This instance is not attached to a client.</exception>
    public async Task<Feed?> GetFeedAsync(CancellationToken cancellationToken = default)
    {
        var client = RequireClient();
        return FeedId is { } id ? await Feed.GetByIdAsync(client, id, cancellationToken).ConfigureAwait(false) : null;
    }
}
