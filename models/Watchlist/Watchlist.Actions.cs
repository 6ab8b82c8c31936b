namespace CbTyped.Response;

public partial class Watchlist
{
    /// <summary>A new, unsaved action for this watchlist; set its data and save it with the client.</summary>
    public WatchlistAction CreateAction(ActionType type, string? actionData = null)
    {
        var action = WatchlistAction.ModelInfo.CreateNew();
        action.Client = RequireClient();
        action.WatchlistId = Id ?? throw new InvalidOperationException("Save the watchlist before adding actions to it.");
        action.Type = type;
        action.ActionData = actionData;
        return action;
    }
}
