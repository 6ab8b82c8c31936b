namespace CbTyped.Emulator.Data;

/// <summary>A module load (modload_complete).</summary>
internal sealed record ModLoadEvent(DateTime Time, string Md5, string Path);
