using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>
/// A project of a framework the package does not support (net8.0) is told so at restore by NuGet itself (NU1202,
/// naming net10.0), instead of "compatible" followed by CS0246 and, with spec files, CS0400 from the generator.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class UnsupportedFrameworkTests(PackedPackage package) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-net8-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_net8_project_gets_NU1202_naming_net10_and_no_compiler_errors()
    {
        WriteConsumer("net8.0");

        var build = await DotNetCli.RunAsync(_dir, ["build", "-nodeReuse:false"], TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"error NU1202: Package CbTyped {package.Version} is not compatible with net8.0", build.Output, StringComparison.Ordinal);
        Assert.Contains("supports: net10.0", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("is compatible with all the specified frameworks", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_targeting_net8_and_net10_is_refused_for_net8_only()
    {
        WriteConsumer("net8.0;net10.0");

        var restore = await DotNetCli.RunAsync(_dir, ["restore"], TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Contains("is not compatible with net8.0", restore.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("is not compatible with net10.0", restore.Output, StringComparison.Ordinal);
    }

    // A project outside the repository (no Directory.Build.props, no central versions), with a spec file, that takes
    // CbTyped from the local feed only.
    private void WriteConsumer(string frameworks)
    {
        var property = frameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework";
        File.WriteAllText(Path.Combine(_dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <{property}>{frameworks}</{property}>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CbTyped" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), "System.Console.WriteLine(typeof(CbTyped.CbResponseClient));\n");
        File.WriteAllText(Path.Combine(_dir, "Thing.model.yaml"), "model: Thing\nfields:\n  id: int\n");
        File.WriteAllText(Path.Combine(_dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="cbtyped-local" value="{RepositoryPaths.PackageFeed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="cbtyped-local"><package pattern="CbTyped" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }
}
