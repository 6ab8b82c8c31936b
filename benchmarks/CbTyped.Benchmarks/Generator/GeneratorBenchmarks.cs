using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CbTyped.Generator;
using CbTyped.Generator.Model;
using CbTyped.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbTyped.Benchmarks.Generator;

/// <summary>
/// The generator itself: 200 spec files parsed, validated and emitted (target: under 300 ms), plus the parse step alone
/// and an incremental re-run after one spec changed. The specs are models/specs/*.model.yaml copied into as many
/// namespaces as needed (joins resolve within a namespace), so the input looks like real specs.
/// Run: dotnet run -c Release --project benchmarks/CbTyped.Benchmarks -- --filter '*GeneratorBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int SpecCount = 200;

    private ImmutableArray<AdditionalText> _texts;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private AdditionalText _editedOld = null!;
    private AdditionalText _editedNew = null!;
    private readonly GeneratorOptions _options = new("Bench", null);

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkSpecs.Load(SpecCount);
        _compilation = CSharpCompilation.Create("Bench", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        var result = _warmDriver.GetRunResult().Results[0];
        if (result.Exception is not null || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("benchmark specs do not generate cleanly: " + result.Exception?.Message
                + string.Join("; ", result.Diagnostics.Take(5)));
        }
        if (result.GeneratedSources.Length < SpecCount)
        {
            throw new InvalidOperationException("expected at least one file per spec, got " + result.GeneratedSources.Length);
        }
        _editedOld = _texts[0];
        _editedNew = new BenchmarkSpecs.Text(_editedOld.Path, _editedOld.GetText()!.ToString().Replace("\nfields:\n", "\nfields:\n  bench_extra: { type: string }\n", StringComparison.Ordinal));
    }

    private CSharpGeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new SpecGenerator().AsSourceGenerator()],
        _texts,
        new CSharpParseOptions(LanguageVersion.Latest),
        new BenchmarkSpecs.Options(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>A cold run: parse, validate and emit all 200 specs (what a clean build does).</summary>
    [Benchmark(Baseline = true)]
    public int ParseAndEmit200Specs()
    {
        var driver = CreateDriver().RunGenerators(_compilation);
        return driver.GetRunResult().Results[0].GeneratedSources.Length;
    }

    /// <summary>The parse step alone (YamlDotNet + our typing and checks), 200 files.</summary>
    [Benchmark]
    public int Parse200Specs()
    {
        int fields = 0;
        foreach (var text in _texts)
        {
            fields += SpecParser.Parse(text.Path, text.GetText()!.ToString(), _options).Model?.Fields.Count ?? 0;
        }
        return fields;
    }

    /// <summary>An IDE keystroke: one of 200 specs gained a field; only that model is parsed and emitted again.</summary>
    [Benchmark]
    public int OneSpecEditedIncremental()
    {
        var driver = _warmDriver.ReplaceAdditionalText(_editedOld, _editedNew).RunGenerators(_compilation);
        return driver.GetRunResult().Results[0].GeneratedSources.Length;
    }
}
