namespace CbTyped.Response;

public partial class Feed
{
    /// <summary>
    /// Asks the server to fetch the feed again (<c>POST /api/v1/feed/{id}/synchronize</c>). A disabled feed cannot
    /// be synchronised: cbapi meant to say so but let the server's 409 escape as a generic client error; here it is a
    /// <see cref="CbInvalidObjectException"/> that names the feed.
    /// </summary>
    public async Task SynchronizeAsync(bool fullSync = true, CancellationToken cancellationToken = default)
    {
        var id = Id ?? throw new InvalidOperationException("Save the feed before synchronising it.");
        try
        {
            await PostSynchronizeAsync(fullSync, cancellationToken).ConfigureAwait(false);
        }
        catch (CbClientException e) when (e.StatusCode == 409)
        {
            throw new CbInvalidObjectException($"Cannot synchronize feed {id}: feed is disabled");
        }
    }

    /// <summary>A new, unsaved action for this feed (<c>group_id</c> = the feed, <c>watchlist_id</c> = -1).</summary>
    public FeedAction CreateAction(ActionType type, string? actionData = null)
    {
        var action = FeedAction.ModelInfo.CreateNew();
        action.Client = RequireClient();
        action.GroupId = Id ?? throw new InvalidOperationException("Save the feed before adding actions to it.");
        action.WatchlistId = -1;
        action.Type = type;
        action.ActionData = actionData;
        return action;
    }

    /// <summary>The decoded <see cref="Icon"/> (PNG bytes), or null.</summary>
    public byte[]? IconBytes => Icon is { Length: > 0 } b64 ? Convert.FromBase64String(b64) : null;

    /// <summary>The decoded <see cref="IconSmall"/> (PNG bytes), or null.</summary>
    public byte[]? SmallIconBytes => IconSmall is { Length: > 0 } b64 ? Convert.FromBase64String(b64) : null;
}
