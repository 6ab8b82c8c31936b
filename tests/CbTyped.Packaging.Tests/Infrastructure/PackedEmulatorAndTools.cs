using System.IO.Compression;
using System.Xml.Linq;

namespace CbTyped.Packaging.Tests.Infrastructure;

/// <summary>
/// The packages beside CbTyped, packed once per test run at the CbTyped fixture's version into the same local feed:
/// the CbTyped.Emulator library, the cbtyped-emulator tool (CbTyped.Emulator.Tool) and the cbtyped tool (CbTyped.Cli).
/// </summary>
internal sealed class PackedEmulatorAndTools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PackedEmulatorAndTools? packed;

    private PackedEmulatorAndTools(string version) => Version = version;

    public string Version { get; }

    public PackedNupkg Emulator { get; private set; } = null!;

    public PackedNupkg EmulatorTool { get; private set; } = null!;

    public PackedNupkg CliTool { get; private set; } = null!;

    /// <summary>Packs the three (once) at <paramref name="version"/>, the version of the fixture's CbTyped package.</summary>
    public static async Task<PackedEmulatorAndTools> EnsureAsync(string version)
    {
        await Gate.WaitAsync();
        try
        {
            if (packed?.Version != version)
            {
                var result = new PackedEmulatorAndTools(version)
                {
                    Emulator = await PackAsync("emulator/CbTyped.Emulator/CbTyped.Emulator.csproj", "CbTyped.Emulator", version),
                    EmulatorTool = await PackAsync("emulator/CbTyped.Emulator.Tool/CbTyped.Emulator.Tool.csproj", "CbTyped.Emulator.Tool", version),
                    CliTool = await PackAsync("samples/CbTyped.Cli/CbTyped.Cli.csproj", "CbTyped.Cli", version),
                };
                packed = result;
            }

            return packed;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<PackedNupkg> PackAsync(string project, string id, string version)
    {
        var result = await DotNetCli.RunAsync(RepositoryPaths.Root,
            ["pack", project, "-c", "Release", "-o", RepositoryPaths.PackageFeed, "-p:Version=" + version, "-nodeReuse:false"],
            TimeSpan.FromMinutes(10));
        result.EnsureSuccess("dotnet pack " + project);
        var path = Path.Combine(RepositoryPaths.PackageFeed, $"{id}.{version}.nupkg");
        using var zip = ZipFile.OpenRead(path);
        using var nuspec = zip.GetEntry(id + ".nuspec")!.Open();
        return new PackedNupkg(path, zip.Entries.Select(e => e.FullName).ToList(), XDocument.Load(nuspec), result.Output);
    }
}
