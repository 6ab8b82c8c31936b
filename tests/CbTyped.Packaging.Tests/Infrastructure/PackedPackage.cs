using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace CbTyped.Packaging.Tests.Infrastructure;

/// <summary>
/// Packs the CbTyped package once per test run (Release, a unique prerelease version so no NuGet cache can hand a
/// consumer a stale copy) into the repository's local feed, artifacts/packages, and opens it.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public string Version { get; } = "0.1.0-local." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
                                     + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public string PackagePath => Path.Combine(RepositoryPaths.PackageFeed, $"CbTyped.{Version}.nupkg");

    /// <summary>Every entry name in the package, with '/' separators.</summary>
    public IReadOnlyList<string> Entries { get; private set; } = [];

    public XDocument Nuspec { get; private set; } = new();

    /// <summary>What `dotnet pack` printed for CbTyped.</summary>
    public string PackOutput { get; private set; } = "";

    /// <summary>The CbTyped.Extensions.DependencyInjection package of the same version: its nuspec and pack output.</summary>
    public XDocument DependencyInjectionNuspec { get; private set; } = new();

    public string DependencyInjectionPackOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(RepositoryPaths.PackageFeed);
        RemoveOldLocalPackages();
        var result = await DotNetCli.RunAsync(RepositoryPaths.Root,
            ["pack", "pack/CbTyped.Package.csproj", "-c", "Release", "-o", RepositoryPaths.PackageFeed,
             "-p:Version=" + Version, "-nodeReuse:false"],
            TimeSpan.FromMinutes(10));
        result.EnsureSuccess("dotnet pack");
        PackOutput = result.Output;

        using (var zip = ZipFile.OpenRead(PackagePath))
        {
            Entries = zip.Entries.Select(e => e.FullName).ToList();
            using var nuspec = zip.GetEntry("CbTyped.nuspec")!.Open();
            Nuspec = XDocument.Load(nuspec);
        }

        var di = await DotNetCli.RunAsync(RepositoryPaths.Root,
            ["pack", "di/CbTyped.Extensions.DependencyInjection/CbTyped.Extensions.DependencyInjection.csproj", "-c", "Release",
             "-o", RepositoryPaths.PackageFeed, "-p:Version=" + Version, "-nodeReuse:false"],
            TimeSpan.FromMinutes(10));
        di.EnsureSuccess("dotnet pack (dependency injection)");
        DependencyInjectionPackOutput = di.Output;
        using (var zip = ZipFile.OpenRead(Path.Combine(RepositoryPaths.PackageFeed, $"CbTyped.Extensions.DependencyInjection.{Version}.nupkg")))
        {
            using var nuspec = zip.GetEntry("CbTyped.Extensions.DependencyInjection.nuspec")!.Open();
            DependencyInjectionNuspec = XDocument.Load(nuspec);
        }
    }

    public byte[] ReadEntry(string name)
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        var entry = zip.GetEntry(name) ?? throw new FileNotFoundException("Not in the package: " + name);
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // Earlier test runs leave their uniquely versioned packages behind; keep the feed small.
    private static void RemoveOldLocalPackages()
    {
        foreach (var old in Directory.EnumerateFiles(RepositoryPaths.PackageFeed, "CbTyped*.0.1.0-local.*.nupkg"))
        {
            if (File.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddHours(-1))
                File.Delete(old);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed CbTyped package";
}
