using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CbTyped.Generator;
using Xunit;

namespace CbTyped.Analyzers.Tests;

/// <summary>
/// The analyzer reports nothing on the repository's own code: the built-in models' C# (with their generated code),
/// every sample project and cbapi example port, the C# blocks of the READMEs and docs/, and the queries of cbapi's
/// "Cb Response API Examples" document (Data/cbapi-examples-queries.tsv). Each sweep also counts the query calls it
/// saw bound to a query type, so an empty sweep cannot pass for a clean one. The hidden CBT0108 (a typed-field
/// suggestion, not a problem) is not counted.
/// </summary>
public sealed class FalsePositiveSweepTests
{
    // Intentionally bad examples that may be reported, as (file, diagnostic id): none today. A document that shows a
    // diagnostic on purpose writes the example as inline code, not as a ```csharp block, or is listed here with why.
    private static readonly HashSet<(string File, string Id)> IntentionallyBad = [];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    [Fact]
    public async Task The_built_in_models_and_their_generated_code_are_clean()
    {
        var sweep = await SweepAsync(RepositorySources.CSharp("models"), RepositorySources.Specs("models/specs"), "CbTyped.Response", withResponse: false);
        AssertClean(sweep);
    }

    [Theory]
    [InlineData("samples/CbTyped.Cli")]
    [InlineData("samples/CbTyped.Examples")]
    [InlineData("samples/CbTyped.Events.Responder")]
    public async Task A_sample_project_is_clean(string folder)
    {
        AssertClean(await SweepAsync(RepositorySources.CSharp(folder), [], null));
    }

    [Fact]
    public async Task The_custom_model_sample_with_its_own_spec_is_clean()
    {
        AssertClean(await SweepAsync(RepositorySources.CSharp("samples/CustomModel"), RepositorySources.Specs("samples/CustomModel/specs"), "CustomModel"));
    }

    [Fact]
    public async Task Every_cbapi_example_port_is_clean_and_their_query_constants_are_seen()
    {
        var helpers = RepositorySources.CSharp("samples/scripts/ExampleHelpers");
        var scripts = RepositorySources.CSharp("samples/scripts").Where(s => !s.Path.Contains("/ExampleHelpers/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(scripts);
        var sites = new List<string>();
        foreach (var script in scripts)
        {
            // Each script is its own file-based program (#! and #: lines are for `dotnet run`, not the compiler).
            var sweep = await SweepAsync([.. helpers, (script.Path, WithoutRunDirectives(script.Text))], [], null);
            AssertClean(sweep);
            sites.AddRange(sweep.Sites);
        }

        Assert.Contains(sites, s => s.Contains("process_name:explorer.exe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_csharp_block_of_the_readmes_and_docs_is_clean()
    {
        var sites = new List<string>();
        foreach (var document in RepositorySources.MarkdownDocuments())
        {
            foreach (var (line, code) in RepositorySources.CSharpBlocks(document))
            {
                var sweep = await SweepAsync([($"{document}:{line}", AsProgram(code))], [], null);
                AssertClean(sweep);
                sites.AddRange(sweep.Sites);
            }
        }

        // README's cbapi walkthrough: the process query of the examples document is among them.
        Assert.Contains(sites, s => s.Contains("Where(process_name:net.exe)", StringComparison.Ordinal));
        Assert.Contains(sites, s => s.Contains(@"And(cmdline:\\test\blah)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_query_of_the_cbapi_examples_document_is_clean()
    {
        var entries = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "cbapi-examples-queries.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToList();
        Assert.Equal(7, entries.Count);
        var calls = string.Concat(entries.Select(e => $"cb.Select<{e[0]}>().{e[1]}(@\"{e[2].Replace("\"", "\"\"", StringComparison.Ordinal)}\");\n"));
        var sweep = await SweepAsync([("cbapi-examples-queries.tsv", AsProgram(calls))], [], null);
        AssertClean(sweep);
        Assert.Equal(entries.Count, sweep.Sites.Count);
    }

    private static void AssertClean(SweepResult sweep)
    {
        var problems = sweep.Diagnostics
            .Where(d => d.Severity > DiagnosticSeverity.Hidden)
            .Where(d => !IntentionallyBad.Contains((d.Location.SourceTree?.FilePath ?? "", d.Id)))
            .Select(d => $"{d.Location.SourceTree?.FilePath}{d.Location.GetLineSpan().StartLinePosition}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.True(problems.Count == 0, "false positives:\n" + string.Join("\n", problems));
    }

    // A Markdown block as a program: its usings first, then a client named cb, then the rest.
    private static string AsProgram(string code)
    {
        var lines = code.Split('\n');
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal) || l.Trim().Length == 0).ToList();
        return "using CbTyped;\nusing CbTyped.Response;\nusing CbTyped.Modeling;\n" + string.Join("\n", usings)
            + "\nCbResponseClient cb = null!;\n" + string.Join("\n", lines.Skip(usings.Count)) + "\n";
    }

    private static string WithoutRunDirectives(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => l.StartsWith("#!", StringComparison.Ordinal) || l.StartsWith("#:", StringComparison.Ordinal) ? "" : l));

    private static async Task<SweepResult> SweepAsync(IEnumerable<(string Path, string Text)> sources, IEnumerable<(string Path, string Text)> specs, string? rootNamespace, bool withResponse = true)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.Path)).ToList();
        var references = withResponse
            ? AnalyzerHarness.AllReferences
            : AnalyzerHarness.AllReferences.Where(r => !(r.Display ?? "").EndsWith("CbTyped.Response.dll", StringComparison.Ordinal)).ToImmutableArray();
        Compilation compilation = CSharpCompilation.Create("Sweep", trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var texts = specs.Select(s => (AdditionalText)new SpecText(s.Path, s.Text)).ToImmutableArray();
        if (!texts.IsEmpty)
        {
            var properties = ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", rootNamespace ?? "Sweep");
            var driver = CSharpGeneratorDriver.Create([new SpecGenerator().AsSourceGenerator()], texts, ParseOptions, new BuildProperties(properties));
            driver.RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        var diagnostics = await compilation.WithAnalyzers([new CbQueryAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return new SweepResult(diagnostics, QuerySites(compilation, trees));
    }

    // The calls the analyzer checks (Where/And/Or/Sort of a query type with a constant string), as "Method(text)".
    private static List<string> QuerySites(Compilation compilation, List<SyntaxTree> trees)
    {
        var sites = new List<string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetOperation(call) is IInvocationOperation { TargetMethod: var method } invocation
                    && method.Name is "Where" or "And" or "Or" or "Sort"
                    && method.ContainingType.OriginalDefinition.MetadataName is "CbQuery`1" or "ICbQuery`1"
                    && invocation.Arguments.Length == 1
                    && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text })
                {
                    sites.Add($"{method.Name}({text})");
                }
            }
        }

        return sites;
    }

    private sealed record SweepResult(ImmutableArray<Diagnostic> Diagnostics, List<string> Sites);
}
