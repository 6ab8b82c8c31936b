namespace CbTyped.Emulator.Data;

/// <summary>One change to a ban.</summary>
internal sealed record BanAuditEntry(string UserName, int UserId, DateTimeOffset Timestamp, string Text, bool Enabled);
