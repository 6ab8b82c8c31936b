namespace CbTyped.Response;

/// <summary>The server's Title Case text for each <see cref="AlertStatus"/>.</summary>
internal static class AlertStatusText
{
    public static string Of(AlertStatus status) => status switch
    {
        AlertStatus.Unresolved => "Unresolved",
        AlertStatus.InProgress => "In Progress",
        AlertStatus.Resolved => "Resolved",
        AlertStatus.FalsePositive => "False Positive",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status,
            "Alert status must be one of Unresolved, In Progress, Resolved, False Positive."),
    };
}
