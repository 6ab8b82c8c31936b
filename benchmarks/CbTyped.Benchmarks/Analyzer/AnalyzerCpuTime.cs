using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using CbTyped.Analyzers;
using CbTyped.Benchmarks.Generator;
using CbTyped.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbTyped.Benchmarks.Analyzer;

/// <summary>
/// What the query analyzer costs: Roslyn's own per-analyzer execution time (<c>logAnalyzerExecutionTime</c>, the time
/// spent in the analyzer's callbacks, not in binding the code) over (1) the repository's own SDK-using code — the
/// built-in models with their generated code, the samples and the cbapi example ports — and (2) 200 generated models
/// (the generator benchmark's specs) with one document of four query calls per model. Per document is the figure the
/// IDE budget (a few milliseconds) is about.
/// Run: dotnet run -c Release --project benchmarks/CbTyped.Benchmarks -- analyzer-cputime
/// </summary>
internal static class AnalyzerCpuTime
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static void Run(bool onlyGenerated = false)
    {
        if (onlyGenerated)
        {
            var only = TwoHundredModels();
            Measure("200 generated models", only.Compilation, only.Documents, runs: 5);
            return;
        }

        var root = FindRoot();
        var repository = new List<(string Name, Compilation Compilation, int Documents)>
        {
            Project("models (+ generated)", root, "models", withResponse: false, specsFolder: "models/specs", rootNamespace: "CbTyped.Response"),
            Project("samples/CbTyped.Cli", root, "samples/CbTyped.Cli"),
            Project("samples/CbTyped.Examples", root, "samples/CbTyped.Examples"),
            Project("samples/CbTyped.Events.Responder", root, "samples/CbTyped.Events.Responder"),
            Project("samples/scripts", root, "samples/scripts"),
        };
        foreach (var (name, compilation, documents) in repository)
            Measure(name, compilation, documents, runs: 5);
        var bench = TwoHundredModels();
        Measure("200 generated models", bench.Compilation, bench.Documents, runs: 5);
    }

    private static void Measure(string name, Compilation compilation, int documents, int runs)
    {
        Analyze(compilation.Clone()); // warm up (JIT)
        var times = new List<double>();
        int reported = 0;
        for (int i = 0; i < runs; i++)
        {
            var (time, diagnostics) = Analyze(compilation.Clone());
            times.Add(time.TotalMilliseconds);
            reported = diagnostics;
        }

        times.Sort();
        double median = times[times.Count / 2];
        Console.WriteLine(FormattableString.Invariant(
            $"{name,-34} {documents,5} documents  analyzer {median,8:F2} ms (median of {runs}; min {times[0]:F2})  per document {median / documents:F3} ms  diagnostics {reported}"));
    }

    private static (TimeSpan Time, int Diagnostics) Analyze(Compilation compilation)
    {
        var analyzer = new CbQueryAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers([analyzer], options);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
        return (telemetry.ExecutionTime, diagnostics.Length);
    }

    private static (string Name, Compilation Compilation, int Documents) Project(string name, string root, string folder, bool withResponse = true, string? specsFolder = null, string? rootNamespace = null)
    {
        var files = Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        // File-based scripts: the #! and #: lines are for `dotnet run`, not the compiler.
        var trees = files.Select(p => CSharpSyntaxTree.ParseText(
            string.Join("\n", File.ReadAllLines(p).Select(l => l.StartsWith("#!", StringComparison.Ordinal) || l.StartsWith("#:", StringComparison.Ordinal) ? "" : l)),
            ParseOptions, path: p)).ToList();
        Compilation compilation = CSharpCompilation.Create(name.Replace(' ', '_'), trees, References(withResponse),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (specsFolder is not null)
        {
            var specs = Directory.GetFiles(Path.Combine(root, specsFolder), "*.model.yaml").Order(StringComparer.Ordinal)
                .Select(p => (AdditionalText)new BenchmarkSpecs.Text(p, File.ReadAllText(p))).ToImmutableArray();
            compilation = Generate(compilation, specs, new RootNamespaceOptions(rootNamespace!));
        }

        return (name, compilation, compilation.SyntaxTrees.Count());
    }

    // 200 models from the generator benchmark's specs, and per model a document with four query calls: for a search
    // model a valid query and sort on its own first fields, a misspelt field and an unbalanced parenthesis (for the
    // others the analyzer stops at the missing [CbSearchSchema]). Each search model's schema is read once.
    private static (Compilation Compilation, int Documents) TwoHundredModels()
    {
        var specs = BenchmarkSpecs.Load(200);
        Compilation compilation = CSharpCompilation.Create("Bench200", [], References(withResponse: false),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        compilation = Generate(compilation, specs, new BenchmarkSpecs.Options());
        var trees = new List<SyntaxTree>();
        foreach (var spec in specs)
        {
            var text = spec.GetText()!.ToString();
            var type = Line(text, "namespace:") + "." + Line(text, "model:");
            var (field, sortable) = FirstFields(compilation.GetTypeByMetadataName(type));
            var source = new StringBuilder()
                .Append("public static class Use").Append(trees.Count).Append("\n{\n")
                .Append("    public static void Run(CbTyped.CbResponseClient cb)\n    {\n")
                .Append("        _ = cb.Select<").Append(type).Append(">().Where(\"").Append(field).Append(":a* AND (b OR c)\");\n")
                .Append("        _ = cb.Select<").Append(type).Append(">().Where(\"").Append(field).Append("x:1\");\n")
                .Append("        _ = cb.Select<").Append(type).Append(">().Where(\"(unbalanced\");\n")
                .Append("        _ = cb.Select<").Append(type).Append(">().Sort(\"").Append(sortable).Append(" desc\");\n")
                .Append("    }\n}\n");
            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), ParseOptions, path: $"Use{trees.Count}.cs"));
        }

        compilation = compilation.AddSyntaxTrees(trees);
        return (compilation, compilation.SyntaxTrees.Count());
    }

    // The first text field and the first sortable field of a search model's [CbSearchSchema] ("id" otherwise).
    private static (string Field, string Sortable) FirstFields(INamedTypeSymbol? model)
    {
        var attribute = model?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "CbSearchSchemaAttribute");
        if (attribute is null)
            return ("id", "id");
        var entries = attribute.ConstructorArguments[0].Values.Select(v => ((string)v.Value!).Split(':')).ToList();
        var field = entries.FirstOrDefault(e => e[1] == "t")?[0] ?? entries[0][0];
        var sortable = entries.FirstOrDefault(e => e[2].Contains('s', StringComparison.Ordinal))?[0] ?? field;
        return (field, sortable);
    }

    private static Compilation Generate(Compilation compilation, ImmutableArray<AdditionalText> specs, AnalyzerConfigOptionsProvider options)
    {
        var driver = CSharpGeneratorDriver.Create([new SpecGenerator().AsSourceGenerator()], specs, ParseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
        return updated;
    }

    private static string Line(string spec, string key) =>
        spec.Split('\n').First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim();

    private static ImmutableArray<MetadataReference> References(bool withResponse) =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat([Path.Combine(AppContext.BaseDirectory, "CbTyped.Runtime.dll"), Path.Combine(AppContext.BaseDirectory, "CbTyped.Response.dll")])
            .Distinct(StringComparer.Ordinal)
            .Where(p => withResponse || !p.EndsWith("CbTyped.Response.dll", StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith("CbTyped.Benchmarks", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("CbTyped.Emulator", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CbTyped.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("CbTyped.sln not found above " + AppContext.BaseDirectory);
    }
}
