namespace CbTyped.Emulator.Data;

/// <summary>A feed report, searchable through /api/v1/threat_report.</summary>
internal sealed class ThreatReport
{
    public required string ReportId { get; init; }

    public required int FeedId { get; init; }

    public required string FeedName { get; init; }

    public required string Title { get; init; }

    public required string Link { get; init; }

    public required int Score { get; init; }

    public required DateTime CreateTime { get; init; }

    public required DateTime UpdateTime { get; set; }

    public string Description { get; init; } = "";

    public string FeedCategory { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Md5s { get; init; } = [];

    public IReadOnlyList<string> IPv4s { get; init; } = [];

    public IReadOnlyList<string> Domains { get; init; } = [];

    public bool IsIgnored { get; set; }

    /// <summary>Search ordinal in the threat-report index.</summary>
    public int Ordinal { get; set; }
}
