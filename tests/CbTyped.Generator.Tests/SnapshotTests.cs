using CbTyped.Generator.Tests.Golden;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>Golden files of everything generated from the golden specs (which together use every spec feature).</summary>
public class SnapshotTests
{
    [Fact]
    public void Golden_models_match_their_snapshots()
    {
        var run = GoldenRun.Models();
        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("GoldenModels", run.Sources);
    }

    [Fact]
    public void External_model_matches_its_snapshot()
    {
        var run = GoldenRun.External();
        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("ExternalModel", run.Sources);
    }
}
