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
