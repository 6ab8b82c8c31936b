namespace CbTyped.Response;

/// <summary>What a watchlist or feed action does (the <c>action_type</c> number).</summary>
public enum ActionType
{
    /// <summary>A value this SDK does not know.</summary>
    Unknown = -1,

    /// <summary>0: send an email.</summary>
    Email = 0,

    /// <summary>1: write a syslog line.</summary>
    Syslog = 1,

    /// <summary>2: POST to a URL.</summary>
    HttpPost = 2,

    /// <summary>3: raise an alert.</summary>
    Alert = 3,
}

/// <summary>Maps <see cref="ActionType"/> to and from the server's number.</summary>
internal static class ActionTypes
{
    public static ActionType FromNumber(int? number) => number is >= 0 and <= 3 ? (ActionType)number.Value : ActionType.Unknown;

    public static int ToNumber(ActionType type) => type == ActionType.Unknown
        ? throw new ArgumentOutOfRangeException(nameof(type), "Unknown is not an action type the server accepts; use Email, Syslog, HttpPost or Alert.")
        : (int)type;
}
