using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>Opens the packed CbTyped .nupkg and checks what a consumer gets.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed partial class PackageLayoutTests(PackedPackage package)
{
    private const string AnalyzerSlot = "analyzers/dotnet/roslyn4.8/cs/";
    private const string BuildTransitive = "buildTransitive/net10.0/";

    [Fact]
    public void Lib_holds_the_runtime_and_the_models_for_net10_only()
    {
        var lib = package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["lib/net10.0/CbTyped.Response.dll", "lib/net10.0/CbTyped.Response.pdb", "lib/net10.0/CbTyped.Response.xml",
             "lib/net10.0/CbTyped.Runtime.dll", "lib/net10.0/CbTyped.Runtime.pdb", "lib/net10.0/CbTyped.Runtime.xml"],
            lib);
    }

    [Fact]
    public void The_generator_YamlDotNet_and_the_query_analyzer_are_in_exactly_one_analyzer_slot()
    {
        var analyzers = package.Entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [AnalyzerSlot + "CbTyped.Analyzers.CodeFixes.dll", AnalyzerSlot + "CbTyped.Analyzers.dll",
             AnalyzerSlot + "CbTyped.Generator.dll", AnalyzerSlot + "YamlDotNet.dll"],
            analyzers);
    }

    [Fact]
    public void The_analyzer_slot_matches_the_compiler_floor_the_targets_check()
    {
        var targets = XDocument.Parse(ReadText(BuildTransitive + "CbTyped.targets"));
        var floor = targets.Descendants("_CbTypedMinimumCompilerVersion").Single().Value;
        Assert.Equal(AnalyzerSlot, "analyzers/dotnet/roslyn" + floor + "/cs/");
        var error = targets.Descendants("Error").Single();
        Assert.Equal("CBT1000", error.Attribute("Code")?.Value);
        Assert.Contains("CompilerApiVersion", targets.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildTransitive_props_adds_spec_files_as_additional_files()
    {
        var props = XDocument.Parse(ReadText(BuildTransitive + "CbTyped.props"));
        var globs = props.Descendants("AdditionalFiles").SelectMany(a => (a.Attribute("Include")?.Value ?? "").Split(';')).ToList();
        Assert.Contains("**/*.model.yaml", globs);
        Assert.Contains("**/*.model.json", globs);
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("build/", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_files_are_only_under_the_supported_framework_so_NuGet_can_refuse_others()
    {
        // A file directly under buildTransitive/ applies to every framework and makes NuGet call the package
        // compatible with net8.0 (which then fails with CS0246); UnsupportedFrameworkTests sees the NU1202 instead.
        var build = package.Entries.Where(e => e.StartsWith("build", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([BuildTransitive + "CbTyped.props", BuildTransitive + "CbTyped.targets"], build);
    }

    [Fact]
    public void BuildTransitive_props_makes_every_option_the_generator_reads_visible()
    {
        var props = XDocument.Parse(ReadText(BuildTransitive + "CbTyped.props"));
        var visible = props.Descendants("CompilerVisibleProperty").Select(p => p.Attribute("Include")?.Value).ToHashSet();
        var read = GeneratorSources()
            .SelectMany(file => BuildPropertyRead().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Contains("RootNamespace", read);
        foreach (var option in read)
            Assert.Contains(option, visible);
    }

    [Fact]
    public void Nuspec_depends_on_exactly_the_packages_the_runtime_and_models_reference()
    {
        XNamespace ns = package.Nuspec.Root!.Name.Namespace;
        var group = package.Nuspec.Descendants(ns + "group").Single();
        Assert.Equal("net10.0", group.Attribute("targetFramework")?.Value);
        var dependencies = group.Elements(ns + "dependency")
            .ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);

        var expected = ShippedPackageReferences();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), dependencies.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, version) in expected)
            Assert.Equal(version, dependencies[id]);
        Assert.DoesNotContain(dependencies.Keys, id => id.StartsWith("CbTyped", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_is_packed_and_declared_and_every_link_in_it_is_absolute()
    {
        XNamespace ns = package.Nuspec.Root!.Name.Namespace;
        Assert.Equal("README.md", package.Nuspec.Descendants(ns + "readme").Single().Value);
        var readme = ReadText("README.md");
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("pack", "README.md")), readme);
        // A package page has no repository beside it: relative links would break there.
        var links = MarkdownLink().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
        Assert.Contains("# yaml-language-server: $schema=obj/cbtyped-spec.schema.json", readme, StringComparison.Ordinal);
        Assert.Equal("CbTyped", package.Nuspec.Descendants(ns + "id").Single().Value);
        Assert.Equal(package.Version, package.Nuspec.Descendants(ns + "version").Single().Value);
        Assert.False(string.IsNullOrWhiteSpace(package.Nuspec.Descendants(ns + "description").Single().Value));
    }

    [Fact]
    public void The_license_project_and_repository_metadata_are_declared()
    {
        XNamespace ns = package.Nuspec.Root!.Name.Namespace;
        var license = package.Nuspec.Descendants(ns + "license").Single();
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("LICENSE")), ReadText("LICENSE"));
        Assert.StartsWith("MIT License", ReadText("LICENSE"), StringComparison.Ordinal);

        var projectUrl = ProjectUrl();
        Assert.StartsWith("https://", projectUrl, StringComparison.Ordinal);
        Assert.Equal(projectUrl, package.Nuspec.Descendants(ns + "projectUrl").Single().Value);
        var repository = package.Nuspec.Descendants(ns + "repository").Single();
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(projectUrl + ".git", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        Assert.False(string.IsNullOrWhiteSpace(package.Nuspec.Descendants(ns + "copyright").Single().Value));
        // The diagnostics' help links are under the same URL (the generator cannot read MSBuild properties).
        var helpLinks = File.ReadAllText(RepositoryPaths.Combine("generator", "Diagnostics", "HelpLinks.cs"));
        Assert.Contains($"ProjectUrl = \"{projectUrl}\";", helpLinks, StringComparison.Ordinal);
    }

    [Fact]
    public void The_spec_schema_ships_and_the_targets_copy_it_into_obj()
    {
        var schema = ReadText("schemas/cbtyped-spec.schema.json");
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("docs", "cbtyped-spec.schema.json")), schema);
        Assert.Contains("\"$schema\": \"http://json-schema.org/", schema, StringComparison.Ordinal);
        var targets = XDocument.Parse(ReadText(BuildTransitive + "CbTyped.targets"));
        Assert.Contains("'schemas', 'cbtyped-spec.schema.json'", targets.Descendants("CbTypedSpecSchema").Single().Value, StringComparison.Ordinal);
        Assert.Single(targets.Descendants("Copy"));
    }

    [Fact]
    public void Packing_warned_about_nothing()
    {
        // MSBuild's warning format ("file(1,2): warning NU5104: ..."); the root's `dotnet pack` packs these two.
        Assert.DoesNotMatch(@"(?i)\bwarning [A-Z]+[0-9]+", package.PackOutput);
        Assert.DoesNotMatch(@"(?i)\bwarning [A-Z]+[0-9]+", package.DependencyInjectionPackOutput);
        Assert.Contains("Successfully created package", package.DependencyInjectionPackOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dependency_injection_package_has_the_same_metadata_and_an_absolute_link_readme()
    {
        var nuspec = package.DependencyInjectionNuspec;
        XNamespace ns = nuspec.Root!.Name.Namespace;
        Assert.Equal("CbTyped.Extensions.DependencyInjection", nuspec.Descendants(ns + "id").Single().Value);
        Assert.Equal("MIT", nuspec.Descendants(ns + "license").Single().Value);
        Assert.Equal(ProjectUrl(), nuspec.Descendants(ns + "projectUrl").Single().Value);
        Assert.Equal(ProjectUrl() + ".git", nuspec.Descendants(ns + "repository").Single().Attribute("url")?.Value);
        var dependencies = nuspec.Descendants(ns + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);
        Assert.Equal(package.Version, dependencies["CbTyped"]);
        var readme = File.ReadAllText(RepositoryPaths.Combine("di", "CbTyped.Extensions.DependencyInjection", "README.md"));
        Assert.All(MarkdownLink().Matches(readme).Select(m => m.Groups[1].Value), link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lib/net10.0/CbTyped.Runtime.xml", "T:CbTyped.CbResponseClient")]
    [InlineData("lib/net10.0/CbTyped.Response.xml", null)]
    public void Xml_docs_belong_to_their_assembly(string entry, string? documentedMember)
    {
        var docs = XDocument.Parse(ReadText(entry));
        Assert.Equal(Path.GetFileNameWithoutExtension(entry), docs.Descendants("assembly").Single().Element("name")?.Value);
        if (documentedMember is not null)
            Assert.Contains(docs.Descendants("member"), m => m.Attribute("name")?.Value == documentedMember);
    }

    [Theory]
    [InlineData("lib/net10.0/CbTyped.Runtime.dll")]
    [InlineData("lib/net10.0/CbTyped.Response.dll")]
    [InlineData(AnalyzerSlot + "CbTyped.Generator.dll")]
    [InlineData(AnalyzerSlot + "CbTyped.Analyzers.dll")]
    [InlineData(AnalyzerSlot + "CbTyped.Analyzers.CodeFixes.dll")]
    public void Assemblies_are_deterministic_release_builds(string entry)
    {
        using var pe = new PEReader(new MemoryStream(package.ReadEntry(entry)));
        var debug = pe.ReadDebugDirectory();
        // A "Reproducible" debug entry is written only by a deterministic compilation.
        Assert.Contains(debug, d => d.Type == DebugDirectoryEntryType.Reproducible);
        var metadata = pe.GetMetadataReader();
        var version = metadata.GetAssemblyDefinition().Version;
        Assert.Equal(new Version(0, 1, 0, 0), version);
        Assert.False(IsDebugBuild(metadata), entry + " was built without optimizations");
    }

    [Theory]
    [InlineData("lib/net10.0/CbTyped.Runtime.pdb")]
    [InlineData("lib/net10.0/CbTyped.Response.pdb")]
    public void Pdbs_embed_the_sources_that_are_not_in_git(string entry)
    {
        // EmbedUntrackedSources: generated files (obj/…AssemblyInfo.cs) are embedded so a debugger finds every source;
        // tracked files are found through SourceLink once the repository has a GitHub remote (docs/packaging.md).
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(package.ReadEntry(entry)));
        var pdb = provider.GetMetadataReader();
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        var embedded = pdb.Documents
            .Where(h => pdb.GetCustomDebugInformation(h).Any(c => pdb.GetGuid(pdb.GetCustomDebugInformation(c).Kind) == embeddedSource))
            .Select(h => pdb.GetString(pdb.GetDocument(h).Name))
            .ToList();
        Assert.Contains(embedded, name => name.EndsWith("AssemblyInfo.cs", StringComparison.Ordinal));
    }

    private string ReadText(string entry) => System.Text.Encoding.UTF8.GetString(package.ReadEntry(entry)).TrimStart('\uFEFF');

    private static bool IsDebugBuild(MetadataReader metadata)
    {
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
                continue;
            var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) != "DebuggableAttribute")
                continue;
            // The blob's first argument (after the 2-byte prolog) is DebuggingModes; DisableOptimizations = 0x100.
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            return (blob.ReadInt32() & 0x100) != 0;
        }
        return false;
    }

    private static IEnumerable<string> GeneratorSources() =>
        Directory.EnumerateFiles(RepositoryPaths.Combine("generator"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>Package id → central version, for every PackageReference of the runtime and the models that flows to users.</summary>
    private static Dictionary<string, string> ShippedPackageReferences()
    {
        var central = XDocument.Load(RepositoryPaths.Combine("Directory.Packages.props"))
            .Descendants("PackageVersion").ToDictionary(p => p.Attribute("Include")!.Value, p => p.Attribute("Version")!.Value);
        return new[] { "runtime/CbTyped.Runtime.csproj", "models/CbTyped.Response.csproj" }
            .SelectMany(p => XDocument.Load(RepositoryPaths.Combine(p.Split('/'))).Descendants("PackageReference"))
            .Where(r => !string.Equals(r.Attribute("PrivateAssets")?.Value, "all", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Attribute("Include")!.Value)
            .Distinct()
            .ToDictionary(id => id, id => central[id]);
    }

    /// <summary>The project's public URL, set once in Directory.Build.props.</summary>
    private static string ProjectUrl() =>
        XDocument.Load(RepositoryPaths.Combine("Directory.Build.props")).Descendants("CbTypedProjectUrl").Single().Value;

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("\"build_property\\.(\\w+)\"")]
    private static partial Regex BuildPropertyRead();
}
