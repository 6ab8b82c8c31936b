using System.Globalization;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Feed
{
    /// <summary>
    /// The feed with id <paramref name="id"/>, or null. Servers 5.0+ have no GET by id for feeds, so the list is read
    /// and filtered (one <c>GET /api/v1/feed</c>).
    /// </summary>
    public static Task<Feed?> GetByIdAsync(ICbModelSession client, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Select<Feed>().Where("id:" + id.ToString(CultureInfo.InvariantCulture)).FirstOrDefaultAsync(cancellationToken);
    }
}

public partial class Alert
{
    /// <summary>The feed that raised the alert (null for watchlist alerts, whose <c>feed_id</c> is -1).</summary>
    public Task<Feed?> GetFeedAsync(CancellationToken cancellationToken = default) =>
        FeedId is { } id && id > 0 ? Feed.GetByIdAsync(RequireClient(), id, cancellationToken) : Task.FromResult<Feed?>(null);
}

public partial class FeedAction
{
    /// <summary>The feed this action belongs to (<c>group_id</c>).</summary>
    public Task<Feed?> GetFeedAsync(CancellationToken cancellationToken = default) =>
        GroupId is { } id ? Feed.GetByIdAsync(RequireClient(), id, cancellationToken) : Task.FromResult<Feed?>(null);
}

public partial class ThreatReport
{
    /// <summary>The feed this report belongs to.</summary>
    public Task<Feed?> GetFeedAsync(CancellationToken cancellationToken = default) =>
        FeedId is { } id ? Feed.GetByIdAsync(RequireClient(), id, cancellationToken) : Task.FromResult<Feed?>(null);
}
