using System.Text.RegularExpressions;
using System.Xml.Linq;
using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>
/// The CbTyped.Emulator library package and the two dotnet tool packages (cbtyped-emulator, cbtyped): what a consumer
/// or `dotnet tool install` gets, and the metadata a package page shows.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed partial class EmulatorAndToolPackageTests(PackedPackage package)
{
    private Task<PackedEmulatorAndTools> PackedAsync() => PackedEmulatorAndTools.EnsureAsync(package.Version);

    [Fact]
    public async Task The_emulator_library_holds_its_assembly_docs_and_symbols_and_nothing_executable()
    {
        var emulator = (await PackedAsync()).Emulator;

        var payload = emulator.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("tools/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["lib/net10.0/CbTyped.Emulator.dll", "lib/net10.0/CbTyped.Emulator.pdb", "lib/net10.0/CbTyped.Emulator.xml"], payload);
        Assert.Contains("T:CbTyped.Emulator.CbEmulator", emulator.ReadText("lib/net10.0/CbTyped.Emulator.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_depends_on_its_projects_package_references_and_on_ASP_NET_Core()
    {
        var emulator = (await PackedAsync()).Emulator;

        var project = XDocument.Load(RepositoryPaths.Combine("emulator", "CbTyped.Emulator", "CbTyped.Emulator.csproj"));
        // A build-time-only reference (PrivateAssets="all", such as Grpc.Tools compiling the sensor-event .proto)
        // is not a dependency of the package.
        var referenced = project.Descendants("PackageReference")
            .Where(r => !string.Equals(r.Attribute("PrivateAssets")?.Value, "all", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Attribute("Include")!.Value).Order(StringComparer.Ordinal).ToList();
        var versions = XDocument.Load(RepositoryPaths.Combine("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(v => v.Attribute("Include")!.Value, v => v.Attribute("Version")!.Value);
        var dependencies = emulator.Nuspec.Descendants(emulator.Ns + "dependency").ToList();
        Assert.NotEmpty(referenced);
        Assert.Equal(referenced, dependencies.Select(d => d.Attribute("id")!.Value).Order(StringComparer.Ordinal));
        Assert.All(dependencies, d => Assert.Equal(versions[d.Attribute("id")!.Value], d.Attribute("version")!.Value));
        // Kestrel comes from the shared framework, which the consumer's build then references.
        Assert.Equal("Microsoft.AspNetCore.App", emulator.Nuspec.Descendants(emulator.Ns + "frameworkReference").Single().Attribute("name")?.Value);
    }

    [Theory]
    [InlineData("cbtyped-emulator")]
    [InlineData("cbtyped")]
    public async Task Each_tool_is_a_framework_dependent_dotnet_tool_with_its_command(string command)
    {
        var packed = await PackedAsync();
        var tool = command == "cbtyped" ? packed.CliTool : packed.EmulatorTool;

        Assert.Equal("DotnetTool", tool.Nuspec.Descendants(tool.Ns + "packageType").Single().Attribute("name")?.Value);
        var settings = XDocument.Parse(tool.ReadText("tools/net10.0/any/DotnetToolSettings.xml"));
        var entry = settings.Descendants("Command").Single();
        Assert.Equal(command, entry.Attribute("Name")?.Value);
        Assert.Equal(command + ".dll", entry.Attribute("EntryPoint")?.Value);
        Assert.Equal("dotnet", entry.Attribute("Runner")?.Value);
        Assert.Contains($"tools/net10.0/any/{command}.runtimeconfig.json", tool.Entries);
        // Framework-dependent and RID-independent: no runtime folders, no native host of its own, nothing to restore.
        Assert.DoesNotContain(tool.Entries, e => e.Contains("/runtimes/", StringComparison.Ordinal) || e == $"tools/net10.0/any/{command}");
        Assert.Empty(tool.Nuspec.Descendants(tool.Ns + "dependency"));
        // A tool is its executable: no XML documentation beside it.
        Assert.DoesNotContain(tool.Entries, e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal)
                                                  && !e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CbTyped.Emulator", "emulator/CbTyped.Emulator/README.md")]
    [InlineData("CbTyped.Emulator.Tool", "emulator/CbTyped.Emulator.Tool/README.md")]
    [InlineData("CbTyped.Cli", "samples/CbTyped.Cli/README.md")]
    public async Task Each_package_declares_license_project_and_repository_and_a_readme_with_absolute_links(string id, string readmePath)
    {
        var packed = await PackedAsync();
        var nupkg = id switch { "CbTyped.Emulator" => packed.Emulator, "CbTyped.Emulator.Tool" => packed.EmulatorTool, _ => packed.CliTool };
        var projectUrl = package.Nuspec.Descendants(package.Nuspec.Root!.Name.Namespace + "projectUrl").Single().Value;

        Assert.Equal(id, nupkg.Metadata("id"));
        Assert.Equal(package.Version, nupkg.Metadata("version"));
        Assert.Equal("MIT", nupkg.Metadata("license"));
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("LICENSE")), nupkg.ReadText("LICENSE"));
        Assert.Equal(projectUrl, nupkg.Metadata("projectUrl"));
        Assert.Equal(projectUrl + ".git", nupkg.Nuspec.Descendants(nupkg.Ns + "repository").Single().Attribute("url")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(nupkg.Metadata("description")));
        Assert.Equal("README.md", nupkg.Metadata("readme"));
        var readme = nupkg.ReadText("README.md");
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine(readmePath.Split('/'))), readme);
        var links = MarkdownLink().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Packing_them_warned_about_nothing()
    {
        var packed = await PackedAsync();

        foreach (var nupkg in new[] { packed.Emulator, packed.EmulatorTool, packed.CliTool })
        {
            Assert.DoesNotMatch(@"(?i)\bwarning [A-Z]+[0-9]+", nupkg.PackOutput);
            Assert.Contains("Successfully created package", nupkg.PackOutput, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
