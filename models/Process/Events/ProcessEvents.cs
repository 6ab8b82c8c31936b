namespace CbTyped.Response;

/// <summary>Every event of one process segment, decoded, by kind (each list in the server's order).</summary>
public sealed record ProcessEvents(
    IReadOnlyList<ModLoadEvent> ModLoads,
    IReadOnlyList<FileModEvent> FileMods,
    IReadOnlyList<RegModEvent> RegMods,
    IReadOnlyList<NetConnEvent> NetConns,
    IReadOnlyList<ChildProcEvent> ChildProcs,
    IReadOnlyList<CrossProcEvent> CrossProcs,
    IReadOnlyList<ProcessBlockEvent> ProcessBlocks)
{
    /// <summary>
    /// cbapi's <c>all_events_segment</c>: modloads, netconns, filemods, childprocs, regmods and crossprocs (and
    /// process blocks) merged and sorted by time (stable, so equal times keep their kind order).
    /// </summary>
    public IReadOnlyList<ProcessEvent> All =>
        [.. ModLoads.Cast<ProcessEvent>().Concat(NetConns).Concat(FileMods).Concat(ChildProcs).Concat(RegMods).Concat(CrossProcs)
            .Concat(ProcessBlocks).OrderBy(e => e.Timestamp)];
}
