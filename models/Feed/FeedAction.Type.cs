namespace CbTyped.Response;

public partial class FeedAction
{
    /// <summary>The action as a name (<see cref="ActionType"/>) over the <c>action_type</c> number.</summary>
    public ActionType Type
    {
        get => ActionTypes.FromNumber(ActionTypeValue);
        set => ActionTypeValue = ActionTypes.ToNumber(value);
    }
}
