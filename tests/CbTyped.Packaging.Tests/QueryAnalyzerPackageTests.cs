using System.Text.RegularExpressions;
using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>
/// A project outside the repository that references only the packed CbTyped package gets the query-string
/// diagnostics in `dotnet build` output — on the built-in models and on its own spec model — at the misspelt
/// field's line and column, and `.editorconfig` changes their severity.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed partial class QueryAnalyzerPackageTests(PackedPackage package) : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-analyzer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_misspelt_field_is_a_warning_at_its_line_and_column_for_built_in_and_own_models()
    {
        WriteConsumer();

        var build = await DotNetCli.RunAsync(_dir, ["build", "-nodeReuse:false"], BuildTimeout);

        build.EnsureSuccess("dotnet build of the consumer");
        // Line 9 is the Process query: `proces_name` starts at column 41 (1-based), after `.Where("`.
        Assert.Contains("Program.cs(9,41): warning CBT0101: 'proces_name' is not a search field of Process (did you mean 'process_name'?)",
            build.Output, StringComparison.Ordinal);
        // The consumer's own Ticket.model.yaml counts: its fields are the ones checked.
        Assert.Contains("Program.cs(10,40): warning CBT0101: 'titel' is not a search field of Ticket (did you mean 'title'?)",
            build.Output, StringComparison.Ordinal);
        // A sort on a field the consumer's spec does not mark sortable.
        Assert.Contains("Program.cs(11,39): warning CBT0106: 'body' cannot be sorted on: it is not a sortable field of Ticket",
            build.Output, StringComparison.Ordinal);
        Assert.Equal(3, DistinctDiagnostics(build.Output, "CBT01").Count);
    }

    [Fact]
    public async Task Editorconfig_raises_a_rule_to_an_error_or_turns_it_off()
    {
        WriteConsumer();

        File.WriteAllText(Path.Combine(_dir, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.CBT0101.severity = error\n");
        var asError = await DotNetCli.RunAsync(_dir, ["build", "-nodeReuse:false"], BuildTimeout);
        Assert.NotEqual(0, asError.ExitCode);
        Assert.Contains("Program.cs(9,41): error CBT0101: 'proces_name'", asError.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(10,40): error CBT0101: 'titel'", asError.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(11,39): warning CBT0106: ", asError.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_dir, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.CBT0101.severity = none\n");
        var off = await DotNetCli.RunAsync(_dir, ["build", "-nodeReuse:false"], BuildTimeout);
        off.EnsureSuccess("dotnet build with CBT0101 off");
        Assert.DoesNotContain("CBT0101", off.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(11,39): warning CBT0106: ", off.Output, StringComparison.Ordinal);
    }

    private static List<string> DistinctDiagnostics(string output, string idPrefix) =>
        DiagnosticLine().Matches(output).Select(m => m.Value).Where(v => v.Contains(idPrefix, StringComparison.Ordinal)).Distinct().ToList();

    [GeneratedRegex(@"Program\.cs\(\d+,\d+\): (warning|error) [A-Z]+\d+")]
    private static partial Regex DiagnosticLine();

    // No Directory.Build.props or central versions above a temp folder; CbTyped comes from the local feed only.
    private void WriteConsumer()
    {
        File.WriteAllText(Path.Combine(_dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CbTyped" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), """
            using CbTyped;
            using CbTyped.Response;
            using Consumer;

            public static class Queries
            {
                public static void Build(CbResponseClient cb)
                {
                    _ = cb.Select<Process>().Where("proces_name:net.exe");
                    _ = cb.Select<Ticket>().Where("titel:x");
                    _ = cb.Select<Ticket>().Sort("body asc");
                }
            }

            """);
        File.WriteAllText(Path.Combine(_dir, "Ticket.model.yaml"), """
            model: Ticket
            namespace: Consumer
            query: { kind: search }
            routes: { list: GET /api/v1/ticket }
            fields:
              id: int
              title: { type: string, sortable: true }
              body: string

            """);
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
