namespace CbTyped.Runtime.Tests.Hostile;

/// <summary>
/// Tests that measure the process's allocations: they run after the parallel tests and one at a time, so that no other
/// test's allocations are counted.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Allocation-measuring tests (run alone)";
}
