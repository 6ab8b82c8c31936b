using System.Collections.Immutable;
using CbTyped.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static CbTyped.Analyzers.Tests.AnalyzerHarness;

namespace CbTyped.Analyzers.Tests;

/// <summary>The fixes (CBT0101/CBT0106 misspelt field, CBT0108 raw to typed), applied in a real workspace document:
/// the exact text after the fix, simplified and formatted as the IDE applies it.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public async Task Misspelt_field_is_replaced_by_the_suggestion()
    {
        var fixedText = await ApplyFixAsync(InMethod("cb.Select<Process>().Where(\"proces_name:net.exe hostname:a\");"));
        Assert.Contains("Where(\"process_name:net.exe hostname:a\")", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_keeps_the_rest_of_a_verbatim_literal()
    {
        var fixedText = await ApplyFixAsync(InMethod("cb.Select<Process>().Where(@\"cmdline:\\\\test\\blah usrname:bob\");"));
        Assert.Contains("Where(@\"cmdline:\\\\test\\blah username:bob\")", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_fix_when_no_field_is_near()
    {
        var (document, diagnostics) = await DiagnoseAsync(InMethod("cb.Select<Process>().Where(\"zzzzzzzzzzzz:a\");"));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBT0101", diagnostic.Id);
        Assert.Empty(await FixesAsync(document, diagnostic));
    }

    [Fact]
    public async Task Misspelt_sort_field_is_replaced_by_the_nearest_sortable_field()
    {
        var fixedText = await ApplyFixAsync(InMethod("cb.Select<Process>().Sort(\"strat desc\");"));
        Assert.Contains("Sort(\"start desc\")", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simple_raw_query_becomes_the_typed_field_that_sends_the_same_text()
    {
        var fixedText = await ApplyFixAsync(InMethod("cb.Select<Process>().Where(\"process_name:net.exe\");"), new TypedFieldCodeFix());
        Assert.Equal(InMethod("cb.Select<Process>().Where(Process.Fields.ProcessName.Is(\"net.exe\"));"), fixedText);
    }

    [Fact]
    public async Task Raw_to_typed_keeps_the_chain_and_writes_numbers_as_numbers()
    {
        var fixedText = await ApplyFixAsync(
            InMethod("var q = cb.Select<Process>().Where(\"process_name:svchost.exe\").And(\"process_pid:1234\").Sort(\"start desc\");"),
            new TypedFieldCodeFix(), "process_pid:1234");
        Assert.Equal(
            InMethod("var q = cb.Select<Process>().Where(\"process_name:svchost.exe\").And(Process.Fields.ProcessPid.Is(1234)).Sort(\"start desc\");"),
            fixedText);
    }

    [Fact]
    public async Task Raw_to_typed_qualifies_the_model_when_the_file_has_no_using_for_it()
    {
        var source = "public static class Use\n{\n    public static void Run(CbTyped.CbResponseClient cb) => cb.Select<CbTyped.Response.Binary>().Where(\"md5:5a18f00ab9330ac7539675f3f326cf11\");\n}\n";
        var fixedText = await ApplyFixAsync(source, new TypedFieldCodeFix());
        Assert.Equal(
            "public static class Use\n{\n    public static void Run(CbTyped.CbResponseClient cb) => cb.Select<CbTyped.Response.Binary>().Where(CbTyped.Response.Binary.Fields.Md5.Is(\"5a18f00ab9330ac7539675f3f326cf11\"));\n}\n",
            fixedText);
    }

    [Theory]
    [InlineData("process_name:net*")]
    [InlineData("process_name:net.exe hostname:a")]
    [InlineData("process_name:\\\"a b\\\"")]
    [InlineData("-process_name:net.exe")]
    [InlineData("process_name:-x")]
    [InlineData("process_pid:007")]
    [InlineData("start:-2h")]
    [InlineData("watchlist_12:*")]
    [InlineData("path:c:\\\\windows")]
    public async Task Queries_a_typed_field_would_send_differently_get_no_typed_rewrite(string query)
    {
        var (_, diagnostics) = await DiagnoseAsync(InMethod("cb.Select<Process>().Where(\"" + query + "\");"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "CBT0108");
    }

    [Fact]
    public async Task The_typed_rewrite_is_a_hidden_diagnostic_naming_the_expression()
    {
        var (_, diagnostics) = await DiagnoseAsync(InMethod("cb.Select<Process>().Where(\"process_name:net.exe\");"));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBT0108", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Hidden, diagnostic.Severity);
        Assert.Equal("\"process_name:net.exe\"", Marked(diagnostic));
        Assert.Equal("'process_name:net.exe' can be written with a typed field: CbTyped.Response.Process.Fields.ProcessName.Is(\"net.exe\")",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Task<string> ApplyFixAsync(string source) => ApplyFixAsync(source, new MisspeltFieldCodeFix());

    private static async Task<string> ApplyFixAsync(string source, CodeFixProvider provider, string? diagnosedQuery = null)
    {
        var (document, diagnostics) = await DiagnoseAsync(source);
        var diagnostic = Assert.Single(diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)
            && (diagnosedQuery is null || Marked(d).Contains(diagnosedQuery, StringComparison.Ordinal))));
        var action = Assert.Single(await FixesAsync(document, diagnostic, provider));
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> DiagnoseAsync(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "FixTest", "FixTest", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: AllReferences));
        var document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new CbQueryAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics);
    }

    private static Task<List<CodeAction>> FixesAsync(Document document, Diagnostic diagnostic) =>
        FixesAsync(document, diagnostic, new MisspeltFieldCodeFix());

    private static async Task<List<CodeAction>> FixesAsync(Document document, Diagnostic diagnostic, CodeFixProvider provider)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }
}
