namespace CbTyped.Emulator.Data;

/// <summary>A child process start or end (childproc_complete).</summary>
internal sealed record ChildProcEvent(
    DateTime Time,
    string ChildUniqueId,
    string Md5,
    string Path,
    int Pid,
    bool Started,
    string CommandLine,
    string UserName,
    bool Tamper = false);
