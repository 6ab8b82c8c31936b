using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CbTyped.Generator.Tests.Harness;

/// <summary>The spec files under TestSpecs/ (copied to the output folder).</summary>
public static class TestSpecFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestSpecs");

    /// <summary>(path, text) of every TestSpecs file, sorted by name; paths are "TestSpecs/Name.model.yaml".</summary>
    public static IReadOnlyList<(string Path, string Text)> All() => Directory.GetFiles(Folder)
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => ("TestSpecs/" + Path.GetFileName(f), File.ReadAllText(f)))
        .ToList();

    public static (string Path, string Text) Get(string fileName) =>
        ("TestSpecs/" + fileName, File.ReadAllText(Path.Combine(Folder, fileName)));
}
