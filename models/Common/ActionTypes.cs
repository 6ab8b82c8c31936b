namespace CbTyped.Response;

/// <summary>Maps <see cref="ActionType"/> to and from the server's number.</summary>
internal static class ActionTypes
{
    public static ActionType FromNumber(int? number) => number is >= 0 and <= 3 ? (ActionType)number.Value : ActionType.Unknown;

    public static int ToNumber(ActionType type) => type == ActionType.Unknown
        ? throw new ArgumentOutOfRangeException(nameof(type), "Unknown is not an action type the server accepts; use Email, Syslog, HttpPost or Alert.")
        : (int)type;
}
