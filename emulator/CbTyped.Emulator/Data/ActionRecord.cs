namespace CbTyped.Emulator.Data;

/// <summary>A watchlist or feed action. Types: 0 email, 1 syslog, 2 http_post, 3 create alert.</summary>
internal sealed class ActionRecord
{
    public required int Id { get; init; }

    public required int ActionType { get; set; }

    public required string ActionData { get; set; }

    public int? WatchlistId { get; set; }

    public int? GroupId { get; set; }
}
