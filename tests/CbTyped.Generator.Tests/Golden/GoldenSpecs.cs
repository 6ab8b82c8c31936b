using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace CbTyped.Generator.Tests.Golden;

/// <summary>
/// The golden spec files: tests/CbTyped.Generator.Tests.Models/Specs (compiled by the real generator into that
/// project, and snapshotted here) and tests/CbTyped.Generator.Tests.External/Specs (a model in another assembly).
/// Read from the source tree, so a spec edit shows up in the snapshots without a copy step.
/// </summary>
internal static class GoldenSpecs
{
    public static IReadOnlyList<(string Path, string Text)> Models() => Read("CbTyped.Generator.Tests.Models");

    public static IReadOnlyList<(string Path, string Text)> External() => Read("CbTyped.Generator.Tests.External");

    private static List<(string Path, string Text)> Read(string project, [CallerFilePath] string thisFile = "")
    {
        string testsFolder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
        string specs = Path.Combine(testsFolder, project, "Specs");
        return Directory.GetFiles(specs)
            .Where(f => f.EndsWith(".model.yaml", StringComparison.Ordinal) || f.EndsWith(".model.json", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ("Specs/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
    }
}
