using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbTyped.Response.Tests.Walkthrough;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles, warning-free, as the program it shows: top-level statements
/// with the SDK's implicit usings, against the assemblies the sample runs with (this test's own: CbTyped.Response,
/// CbTyped.Runtime and the framework). The convention is written in the README as an HTML comment.
/// </summary>
public sealed class ReadmeCodeTests
{
    // What <ImplicitUsings>enable</ImplicitUsings> adds to a console project (Microsoft.NET.Sdk).
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p))]);

    /// <summary>The README's C# blocks: (1-based line of the first code line, code).</summary>
    internal static IReadOnlyList<(int Line, string Code)> CSharpBlocks()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "README.md"));
        var blocks = new List<(int, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
                continue;
            int end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            Assert.True(end > i, $"README.md line {i + 1}: the csharp block is not closed.");
            blocks.Add((i + 2, string.Join('\n', lines[(i + 1)..end])));
            i = end;
        }

        return blocks;
    }

    public static TheoryData<int> BlockNumbers()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < CSharpBlocks().Count; i++)
            data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(BlockNumbers))]
    public void EveryCSharpBlockCompilesWithoutWarnings(int block)
    {
        var (line, code) = CSharpBlocks()[block];
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "ReadmeBlock" + block,
            [CSharpSyntaxTree.ParseText(code, parse, path: "README.md"), CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                // The SDK's default NoWarn: assembly-version unification notes.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"README.md({line + d.Location.GetLineSpan().StartLinePosition.Line}): {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void TheFirstBlockShowsEverySeedExample()
    {
        var blocks = CSharpBlocks();
        Assert.True(blocks.Count >= 2);
        string walkthrough = blocks[0].Code;
        // One call per step of the seed walkthrough (docs/walkthrough.md), in the document's order.
        string[] steps =
        [
            "await binary.OpenFileAsync()", "cb.Create<BannedHash>()", "await sensor.IsolateAsync(", "await sensor.UnisolateAsync(",
            "await proc.WalkParentsAsync(PrintDetails)", "await query.CreateWatchlistAsync(", "myWatchlist.SearchProcesses().CountAsync()",
            "await proc.GetBinaryAsync()", "cb.Create<User>()", "cb.Create<SensorGroup>()", "host.GroupId = sg.Id",
        ];
        var positions = steps.Select(s => walkthrough.IndexOf(s, StringComparison.Ordinal)).ToArray();
        Assert.All(positions.Zip(steps), p => Assert.True(p.First >= 0, "README's first csharp block lacks: " + p.Second));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void ABrokenBlockWouldFail()
    {
        // The check above is not vacuous: the same compilation reports a misspelt member of a generated model.
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "ReadmeBroken",
            [CSharpSyntaxTree.ParseText("using CbTyped.Response;\nvar p = new Process();\nConsole.WriteLine(p.CommandLine);", parse), CSharpSyntaxTree.ParseText(ImplicitUsings, parse)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS1061");
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
