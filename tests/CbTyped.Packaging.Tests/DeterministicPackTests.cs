using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>
/// `dotnet pack` gives byte-identical packages for one commit (pack/Deterministic.targets): the packed files' own
/// modification times (a fresh checkout, a rebuild) and the pack's wall-clock time do not leak into the .nupkg.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class DeterministicPackTests(PackedPackage package) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-deterministic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Packing_twice_gives_identical_bytes_even_when_the_packed_files_are_newer()
    {
        Assert.NotEmpty(package.Entries); // the fixture built the Release outputs packed again here
        var first = await PackAsync("first");
        // What a fresh clone and build would change: the packed files' modification times.
        var now = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(RepositoryPaths.Combine("pack", "README.md"), now);
        File.SetLastWriteTimeUtc(RepositoryPaths.Combine("runtime", "bin", "Release", "net10.0", "CbTyped.Runtime.dll"), now);
        await Task.Delay(TimeSpan.FromSeconds(2)); // zip times have 2-second resolution
        var second = await PackAsync("second");

        Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(first)), SHA256.HashData(await File.ReadAllBytesAsync(second)));

        // Every entry carries the last commit's time; the core-properties part has a fixed name, not a random GUID.
        var commit = await DotNetCli.RunProcessAsync("git", RepositoryPaths.Root, ["log", "-1", "--format=%ct"], TimeSpan.FromMinutes(1));
        commit.EnsureSuccess("git log");
        var commitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(commit.Output.Trim(), CultureInfo.InvariantCulture));
        using var zip = ZipFile.OpenRead(second);
        Assert.All(zip.Entries, e => Assert.True(
            Math.Abs((e.LastWriteTime.ToUniversalTime() - commitTime).TotalSeconds) <= 2,
            $"{e.FullName}: {e.LastWriteTime:O}, commit {commitTime:O}"));
        Assert.Contains(zip.Entries, e => e.FullName == "package/services/metadata/core-properties/nuget.psmdcp");
    }

    private async Task<string> PackAsync(string name)
    {
        var output = Path.Combine(_dir, name);
        var result = await DotNetCli.RunAsync(RepositoryPaths.Root,
            ["pack", "pack/CbTyped.Package.csproj", "-c", "Release", "-o", output,
             "-p:Version=0.1.0-deterministic", "-nodeReuse:false"],
            TimeSpan.FromMinutes(5));
        result.EnsureSuccess("dotnet pack");
        return Path.Combine(output, "CbTyped.0.1.0-deterministic.nupkg");
    }
}
