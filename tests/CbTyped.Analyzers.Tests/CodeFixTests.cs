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

/// <summary>The CBT0101 fix, applied in a real workspace document: the text after the fix.</summary>
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

    private static async Task<string> ApplyFixAsync(string source)
    {
        var (document, diagnostics) = await DiagnoseAsync(source);
        var diagnostic = Assert.Single(diagnostics);
        var action = Assert.Single(await FixesAsync(document, diagnostic));
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

    private static async Task<List<CodeAction>> FixesAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new MisspeltFieldCodeFix().RegisterCodeFixesAsync(context);
        return actions;
    }
}
