namespace CbTyped.Emulator.Data;

/// <summary>A cross-process event (crossproc_complete). Type: RemoteThread or ProcessOpen.</summary>
internal sealed record CrossProcEvent(
    string Type,
    DateTime Time,
    string TargetUniqueId,
    string TargetMd5,
    string TargetPath,
    int SubType,
    long Access,
    bool Tamper = false);
