using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbTyped.Generator.Tests.Harness;

/// <summary>
/// Runs the CbTyped generator over in-memory spec files and a compilation that references the runtime assembly and
/// the test host's framework (TRUSTED_PLATFORM_ASSEMBLIES). Shared by every generator test.
/// </summary>
public static class GeneratorHarness
{
    public const string DefaultRootNamespace = "CbTyped.Tests.Models";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Runs the generator once. <paramref name="specs"/> are (path, text) pairs.</summary>
    public static GeneratorRun Run(
        IEnumerable<(string Path, string Text)> specs,
        string? userCode = null,
        IReadOnlyDictionary<string, string>? buildProperties = null,
        bool trackSteps = false)
    {
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var compilation = CreateCompilation(userCode);
        var driver = CreateDriver(texts, buildProperties, trackSteps);
        return RunDriver(driver, compilation);
    }

    /// <summary>Shortcut for a single spec file.</summary>
    public static GeneratorRun RunOne(string path, string text, string? userCode = null) => Run([(path, text)], userCode);

    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> texts, IReadOnlyDictionary<string, string>? buildProperties = null, bool trackSteps = false)
    {
        var properties = new Dictionary<string, string> { ["build_property.RootNamespace"] = DefaultRootNamespace };
        if (buildProperties is not null)
        {
            foreach (var pair in buildProperties) properties[pair.Key] = pair.Value;
        }
        return CSharpGeneratorDriver.Create(
            [new SpecGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            new TestOptionsProvider(properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static CSharpCompilation CreateCompilation(string? userCode = null, IEnumerable<MetadataReference>? extraReferences = null)
    {
        var trees = userCode is null ? [] : new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "User.cs") };
        return CSharpCompilation.Create(
            "CbTyped.GeneratorTests.Output",
            trees,
            extraReferences is null ? References.Value : References.Value.AddRange(extraReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// Runs the generator only (no output compilation): for tests that run it hundreds of times and look at
    /// diagnostics and hint names. Returns the generator's diagnostics (CBT…, CS8785), the hint names and any exception.
    /// </summary>
    public static (ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> HintNames, Exception? Exception) RunGeneratorOnly(
        IEnumerable<(string Path, string Text)> specs)
    {
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var driver = CreateDriver(texts).RunGenerators(EmptyCompilation.Value);
        var run = driver.GetRunResult();
        var result = run.Results.Single();
        return (run.Diagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(),
            result.GeneratedSources.Select(s => s.HintName).ToImmutableArray(),
            result.Exception);
    }

    private static readonly Lazy<CSharpCompilation> EmptyCompilation = new(() => CreateCompilation());

    /// <summary>Runs (or re-runs) a driver against a compilation and collects everything tests look at.</summary>
    public static GeneratorRun RunDriver(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var runResult = driver.GetRunResult();
        var result = runResult.Results.Single();
        var sources = result.GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var compileDiagnostics = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
        return new GeneratorRun(driver, runResult, driverDiagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(), sources, output, compileDiagnostics, result.Exception);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in tpa)
        {
            var name = Path.GetFileName(path);
            // Framework assemblies only: test-host and Roslyn assemblies would add noise and ambiguity.
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "mscorlib.dll" or "netstandard.dll"
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name is "Microsoft.Win32.Primitives.dll" or "Microsoft.CSharp.dll")
            {
                paths.Add(path);
            }
        }
        paths.Add(Path.Combine(AppContext.BaseDirectory, "CbTyped.Runtime.dll"));
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}

/// <summary>What one generator run produced.</summary>
/// <param name="Driver">The driver after the run (feed it to <see cref="GeneratorHarness.RunDriver"/> for incremental runs).</param>
/// <param name="RunResult">Roslyn's run result, with tracked steps when requested.</param>
/// <param name="GeneratorDiagnostics">Diagnostics the generator reported (CBT…, or CS8785 when it threw).</param>
/// <param name="Sources">Generated sources by hint name.</param>
/// <param name="OutputCompilation">The compilation with the generated sources added.</param>
/// <param name="CompileDiagnostics">Warnings and errors of the output compilation.</param>
/// <param name="Exception">An exception that escaped the generator, or null.</param>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableDictionary<string, string> Sources,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> CompileDiagnostics,
    Exception? Exception)
{
    /// <summary>How many models were generated (each has exactly one <c>{Namespace}.{Model}.ModelInfo.g.cs</c>).</summary>
    public int ModelCount => Sources.Keys.Count(k => k.EndsWith(".ModelInfo.g.cs", StringComparison.Ordinal));

    /// <summary>Generator diagnostics whose id starts with CBT.</summary>
    public ImmutableArray<Diagnostic> CbtDiagnostics => GeneratorDiagnostics.Where(d => d.Id.StartsWith("CBT", StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>(id, file path, 1-based line, 1-based column) of every generator diagnostic, in a stable order.</summary>
    public IReadOnlyList<(string Id, string Path, int Line, int Column)> DiagnosticPositions => GeneratorDiagnostics
        .Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return (d.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        })
        .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Item3).ThenBy(d => d.Item4).ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Emit the output compilation to memory, returning errors (for "the output compiles" checks).</summary>
    public ImmutableArray<Diagnostic> EmitErrors()
    {
        using var stream = new MemoryStream();
        var emit = OutputCompilation.Emit(stream);
        return emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }
}
