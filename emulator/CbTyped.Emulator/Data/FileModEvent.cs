namespace CbTyped.Emulator.Data;

/// <summary>A file modification (filemod_complete). Op: 1 created, 2 first write, 4 deleted, 8 last write.</summary>
internal sealed record FileModEvent(int Op, DateTime Time, string Path, string? Md5, int FileType, bool Tamper = false);
