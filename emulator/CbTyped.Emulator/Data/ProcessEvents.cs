namespace CbTyped.Emulator.Data;

/// <summary>A file modification (filemod_complete). Op: 1 created, 2 first write, 4 deleted, 8 last write.</summary>
internal sealed record FileModEvent(int Op, DateTime Time, string Path, string? Md5, int FileType, bool Tamper = false);

/// <summary>A module load (modload_complete).</summary>
internal sealed record ModLoadEvent(DateTime Time, string Md5, string Path);

/// <summary>A registry modification (regmod_complete). Op: 1 created key, 2 first write, 4 deleted key, 8 deleted value.</summary>
internal sealed record RegModEvent(int Op, DateTime Time, string KeyPath, bool Tamper = false);

/// <summary>A network connection (netconn_complete). Addresses are IPv4 in host order.</summary>
internal sealed record NetConnEvent(
    DateTime Time,
    uint RemoteIp,
    int RemotePort,
    int Protocol,
    string Domain,
    bool Outbound,
    uint LocalIp,
    int LocalPort);

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

/// <summary>Every event a process segment recorded. Lists are shared, never mutated after start-up.</summary>
internal sealed class ProcessEvents
{
    public static readonly ProcessEvents Empty = new();

    public IReadOnlyList<FileModEvent> FileMods { get; init; } = [];

    public IReadOnlyList<ModLoadEvent> ModLoads { get; init; } = [];

    public IReadOnlyList<RegModEvent> RegMods { get; init; } = [];

    public IReadOnlyList<NetConnEvent> NetConns { get; init; } = [];

    public IReadOnlyList<ChildProcEvent> ChildProcs { get; init; } = [];

    public IReadOnlyList<CrossProcEvent> CrossProcs { get; init; } = [];
}
