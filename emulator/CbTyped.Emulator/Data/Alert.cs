namespace CbTyped.Emulator.Data;

/// <summary>An alert raised by a watchlist or feed hit.</summary>
internal sealed class Alert
{
    public required string UniqueId { get; init; }

    public required string AlertType { get; init; }

    /// <summary>Unresolved, In Progress, Resolved or False Positive.</summary>
    public string Status { get; set; } = "Unresolved";

    public string? AssignedTo { get; set; }

    public required DateTime CreatedTime { get; init; }

    public DateTime? ResolvedTime { get; set; }

    public int FeedId { get; init; } = -1;

    public string FeedName { get; init; } = "My Watchlists";

    public string? WatchlistId { get; init; }

    public string? WatchlistName { get; init; }

    public string IocType { get; init; } = "query";

    public string IocValue { get; init; } = "";

    public double IocConfidence { get; init; } = 0.5;

    public int ReportScore { get; init; } = 75;

    public double AlertSeverity { get; init; } = 50.625;

    public required ProcessRecord Process { get; init; }

    public bool IsIgnored { get; set; }

    /// <summary>Search ordinal in the alert index.</summary>
    public int Ordinal { get; set; }
}
