namespace CbTyped.Emulator.Data;

/// <summary>A saved query. <see cref="SearchQuery"/> is a URL query string, not a bare query.</summary>
internal sealed class Watchlist
{
    public required int Id { get; init; }

    public required string Name { get; set; }

    /// <summary>"events" (process search) or "modules" (binary search).</summary>
    public required string IndexType { get; set; }

    public required string SearchQuery { get; set; }

    public bool Enabled { get; set; } = true;

    public bool ReadOnly { get; set; }

    public string? Description { get; set; }

    public required DateTimeOffset DateAdded { get; init; }

    public DateTimeOffset? LastHit { get; set; }

    public int LastHitCount { get; set; }

    public int TotalHits { get; set; }

    public int TotalTags { get; set; }

    public string SearchTimestamp { get; set; } = "1970-01-01T00:00:00.000Z";

    public int GroupId { get; set; } = -1;

    public List<ActionRecord> Actions { get; } = [];
}
