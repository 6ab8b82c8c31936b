using System.IO;
using System.Text.Json;

namespace CbTyped.Generator.Tests.Harness;

/// <summary>Files of the repository the tests read: its root, found from the test output folder, and the spec schema.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root (CallerFilePath is path-mapped in CI builds, so it is found by walking up to CbTyped.sln).</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CbTyped.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("CbTyped.sln not found above " + System.AppContext.BaseDirectory);
    }

    /// <summary>docs/cbtyped-spec.schema.json, parsed.</summary>
    public static JsonElement SpecSchema() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "docs", "cbtyped-spec.schema.json"))).RootElement.Clone();
}
