namespace CbTyped.Response;

/// <summary>
/// What <see cref="Process.WalkChildrenAsync(Func{Process, int, CancellationToken, Task}, int, int, CancellationToken)"/>
/// visited, and where the server's summary cut a children list at the limit asked for.
/// </summary>
/// <param name="Visited">How many descendants the callback was called for.</param>
/// <param name="CutParents">
/// Processes whose summary brought exactly the limit of children while the process counts more child processes
/// (<c>childproc_count</c>): their list was cut, so descendants may be missing below them. Ask again with a larger
/// <c>maxChildren</c>.
/// </param>
public sealed record ProcessChildWalk(int Visited, IReadOnlyList<Process> CutParents)
{
    /// <summary>True when at least one children list was cut at the limit (see <see cref="CutParents"/>).</summary>
    public bool ChildrenWereCut => CutParents.Count > 0;
}
