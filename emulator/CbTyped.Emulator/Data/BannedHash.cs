namespace CbTyped.Emulator.Data;

/// <summary>A banning rule. DELETE only disables it; it stays listed.</summary>
internal sealed class BannedHash
{
    /// <summary>The hash as first posted (clients send either case; lookups ignore case).</summary>
    public required string Md5 { get; init; }

    public required string Text { get; set; }

    public required bool Enabled { get; set; }

    public required string UserName { get; set; }

    public required int UserId { get; set; }

    public required DateTimeOffset Timestamp { get; set; }

    public int BlockCount { get; set; }

    public List<BanAuditEntry> Audit { get; } = [];
}
