namespace CbTyped.Emulator.Data;

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
