using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>
/// samples/EmulatorTesting, copied outside the repository: a user's automation and its xUnit tests, which start
/// CbTyped.Emulator themselves; CbTyped and CbTyped.Emulator come from the local feed only, and `dotnet test` passes.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class EmulatorTestingSampleTests(PackedPackage package) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-emulator-testing-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_sample_tests_pass_against_the_packed_emulator_outside_the_repository()
    {
        await PackedEmulatorAndTools.EnsureAsync(package.Version);
        var sample = RepositoryPaths.Combine("samples", "EmulatorTesting");
        foreach (var file in Directory.EnumerateFiles(sample))
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        NuGetConfigFile.Write(_dir); // the sample's own points at the repository's feed by a relative path

        var test = await DotNetCli.RunAsync(_dir, ["test", "-p:CbTypedVersion=" + package.Version, "-nodeReuse:false"], TimeSpan.FromMinutes(10));

        Assert.True(test.ExitCode == 0, test.Output);
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+4, Skipped:\s+0, Total:\s+4", test.Output);
        var assets = File.ReadAllText(Path.Combine(_dir, "obj", "project.assets.json"));
        Assert.Contains($"\"CbTyped.Emulator/{package.Version}\"", assets, StringComparison.Ordinal);
        Assert.Contains($"\"CbTyped/{package.Version}\"", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);
    }
}
