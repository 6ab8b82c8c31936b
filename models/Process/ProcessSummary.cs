namespace CbTyped.Response;

/// <summary>A process summary: the process, its parent (null for a root), children and siblings as the server sent them.</summary>
/// <remarks>The relatives are documents from the summary, not the cached instances (they are partial).</remarks>
public sealed record ProcessSummary(Process Process, Process? Parent, IReadOnlyList<Process> Children, IReadOnlyList<Process> Siblings);
