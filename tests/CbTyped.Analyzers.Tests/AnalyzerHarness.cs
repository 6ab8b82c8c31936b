using Xunit;
using System.Collections.Immutable;
using CbTyped.Analyzers;
using CbTyped.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbTyped.Analyzers.Tests;

/// <summary>
/// Runs <see cref="CbQueryAnalyzer"/> over C# source that references the built CbTyped.Runtime and CbTyped.Response
/// (as a package consumer does), through CSharpCompilation.WithAnalyzers: no reference-assembly download. A test may
/// add spec files of its own, which the real generator compiles first.
/// </summary>
internal static class AnalyzerHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>The analyzer's diagnostics, ordered by position; fails when the source itself does not compile.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source) => AnalyzeAsync(source, []);

    /// <summary>
    /// The analyzer's diagnostics on <paramref name="source"/> in a project with its own spec files: the real
    /// generator turns them into models (with their <c>[CbSearchSchema]</c>) first, as in a consumer's build.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, IEnumerable<(string Path, string Text)> specs)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Test.cs");
        Compilation compilation = CSharpCompilation.Create(
            "AnalyzerTest",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var texts = specs.Select(s => (AdditionalText)new SpecText(s.Path, s.Text)).ToImmutableArray();
        if (!texts.IsEmpty)
        {
            var driver = CSharpGeneratorDriver.Create([new SpecGenerator().AsSourceGenerator()], texts, ParseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out compilation, out var generatorDiagnostics);
            Assert.True(generatorDiagnostics.IsEmpty, "the test specs have problems: " + string.Join("; ", generatorDiagnostics));
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test source does not compile: " + string.Join("; ", errors));
        var diagnostics = await compilation
            .WithAnalyzers([new CbQueryAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>A method body using <c>cb</c> (a CbResponseClient) wrapped into a compilable file.</summary>
    public static string InMethod(string statements) =>
        "using CbTyped;\nusing CbTyped.Response;\npublic static class Use\n{\n    public static void Run(CbResponseClient cb, string name)\n    {\n"
        + statements + "\n    }\n}\n";

    /// <summary>The source text a diagnostic points at.</summary>
    public static string Marked(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    /// <summary>The references a test compilation gets: the framework, CbTyped.Runtime, CbTyped.Response.</summary>
    public static ImmutableArray<MetadataReference> AllReferences => References.Value;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in tpa)
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "mscorlib.dll" or "netstandard.dll"
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            {
                paths.Add(path);
            }
        }

        paths.Add(Path.Combine(AppContext.BaseDirectory, "CbTyped.Runtime.dll"));
        paths.Add(Path.Combine(AppContext.BaseDirectory, "CbTyped.Response.dll"));
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
