using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// CBT0032: a <c>clr:</c> type that neither the project nor its references declare is reported at the spec's line and
/// column (a warning: a type another source generator adds cannot be seen), and the check never changes emitted code.
/// </summary>
public class ClrTypeCheckTests
{
    private const string Path = "specs/Thing.model.yaml";

    private static string Spec(string clrType) =>
        "model: Thing\n"
        + "fields:\n"
        + "  id: int\n"
        + "  span: { type: \"clr:" + clrType + "\" }\n";

    /// <summary>A user type the generated code can read (it has the static Parse the codec calls).</summary>
    private const string UserTypes = """
        namespace User
        {
            public sealed class Duration
            {
                public static Duration Parse(string text, System.IFormatProvider? provider) => new Duration();
                public override string ToString() => "d";
            }

            public static class Outer
            {
                public sealed class Inner
                {
                    public static Inner Parse(string text, System.IFormatProvider? provider) => new Inner();
                    public override string ToString() => "i";
                }
            }
        }
        """;

    [Theory]
    [InlineData("Some.Unknown.Type")]
    [InlineData("global::Some.Unknown.Type")]
    public void An_unknown_type_is_CBT0032_at_the_type_value_and_the_model_is_still_generated(string written)
    {
        var run = GeneratorHarness.RunOne(Path, Spec(written));

        Assert.Null(run.Exception);
        Assert.Equal(("CBT0032", Path, 4, 17), Assert.Single(run.DiagnosticPositions));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'Some.Unknown.Type'", message, StringComparison.Ordinal);
        Assert.Contains("field 'fields.span'", message, StringComparison.Ordinal);
        Assert.Contains("add a reference to the assembly", message, StringComparison.Ordinal);
        Assert.Equal(1, run.ModelCount);
        // The compiler's own error is still there in the generated file; CBT0032 says where to fix it.
        Assert.Contains(run.CompileDiagnostics, d => d.Id is "CS0246" or "CS0234" or "CS0400");
    }

    [Fact]
    public void Shorthand_nested_type_fields_and_list_elements_are_positioned_too()
    {
        var spec = "model: Thing\n"
            + "fields:\n"
            + "  id: int\n"
            + "  a: clr:Missing.A\n"
            + "  items: { type: \"list<clr:Missing.B>\" }\n"
            + "  extra: Detail\n"
            + "types:\n"
            + "  Detail:\n"
            + "    fields:\n"
            + "      c: { type: \"map<string,clr:Missing.C>\" }\n";
        var run = GeneratorHarness.RunOne(Path, spec);

        Assert.Equal(
            [("CBT0032", Path, 4, 6), ("CBT0032", Path, 5, 18), ("CBT0032", Path, 10, 18)],
            run.DiagnosticPositions);
        var messages = run.GeneratorDiagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.Contains("'Missing.C' of field 'types.Detail.fields.c'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("System.Guid")]
    [InlineData("global::System.TimeSpan")]
    [InlineData("User.Duration")]
    [InlineData("User.Outer.Inner")]
    [InlineData("global::User.Outer.Inner")]
    public void A_type_that_resolves_gives_no_diagnostic_and_the_output_compiles(string written)
    {
        var run = GeneratorHarness.RunOne(Path, Spec(written), UserTypes);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(1, run.ModelCount);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("CbTyped.CbServerInfo")]              // the runtime assembly, a metadata reference
    [InlineData("System.Environment.SpecialFolder")]  // a nested type in a referenced framework assembly
    [InlineData("System.Text.Json.JsonElement")]
    public void A_type_from_a_referenced_assembly_gives_no_CBT0032(string written)
    {
        var run = GeneratorHarness.RunOne(Path, Spec(written));

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Resolution_tries_nested_types_from_the_right_and_refuses_what_does_not_exist()
    {
        var compilation = GeneratorHarness.CreateCompilation(UserTypes);
        Assert.True(ClrTypeChecker.Resolves(compilation, "global::User.Outer.Inner"));
        Assert.True(ClrTypeChecker.Resolves(compilation, "global::System.Environment.SpecialFolder"));
        Assert.False(ClrTypeChecker.Resolves(compilation, "global::User.Outer.Missing"));
        Assert.False(ClrTypeChecker.Resolves(compilation, "global::User.Inner"));
        Assert.False(ClrTypeChecker.Resolves(compilation, "global::Outer.Inner"));
    }

    [Fact]
    public void A_type_two_references_declare_still_resolves()
    {
        // GetTypeByMetadataName is null for an ambiguous name; the C# compiler may still bind it (or say CS0433).
        var first = CSharpCompilation.Create("First", [CSharpSyntaxTree.ParseText("namespace Dup { public class T { } }")],
            GeneratorHarness.CreateCompilation().References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var second = first.WithAssemblyName("Second");
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(first.ToMetadataReference(), second.ToMetadataReference());
        Assert.Null(compilation.GetTypeByMetadataName("Dup.T"));
        Assert.True(ClrTypeChecker.Resolves(compilation, "global::Dup.T"));
    }

    [Fact]
    public void The_generated_sources_are_byte_identical_whether_or_not_the_type_resolves()
    {
        var spec = Spec("User.Duration");
        var resolved = GeneratorHarness.RunOne(Path, spec, UserTypes);
        var unresolved = GeneratorHarness.RunOne(Path, spec);

        Assert.Empty(resolved.GeneratorDiagnostics);
        Assert.Equal("CBT0032", Assert.Single(unresolved.GeneratorDiagnostics).Id);
        Assert.NotEmpty(resolved.Sources);
        Assert.Equal(resolved.Sources.Keys, unresolved.Sources.Keys);
        Assert.All(resolved.Sources, pair => Assert.Equal(pair.Value, unresolved.Sources[pair.Key]));
    }

    [Fact]
    public void The_warning_can_be_turned_off_per_project()
    {
        var texts = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(Path, Spec("Some.Unknown.Type")));
        var compilation = GeneratorHarness.CreateCompilation();
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["CBT0032"] = ReportDiagnostic.Suppress }));
        var run = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver(texts), compilation);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(1, run.ModelCount);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRun run, string step) =>
        run.RunResult.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static string[] EmitSteps => [TrackingNames.Parse, TrackingNames.CrossValidate, TrackingNames.Models, TrackingNames.Emit];

    [Fact]
    public void An_unrelated_csharp_edit_reruns_only_the_lookup_and_keeps_the_emit_steps_cached()
    {
        var texts = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(Path, Spec("Some.Unknown.Type")));
        var compilation = GeneratorHarness.CreateCompilation(UserTypes);
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver(texts, trackSteps: true), compilation);
        Assert.Equal("CBT0032", Assert.Single(first.GeneratorDiagnostics).Id);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { public class B { } }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.RunDriver(first.Driver, edited);

        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Reasons(second, TrackingNames.ClrTypeCheck)));
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(Reasons(second, TrackingNames.ClrTypeDiagnostics)));
        Assert.All(EmitSteps.Append(TrackingNames.ClrTypeUses), step =>
            Assert.All(Reasons(second, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r)));
        Assert.Equal("CBT0032", Assert.Single(second.GeneratorDiagnostics).Id);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Declaring_the_missing_type_in_csharp_clears_CBT0032_without_re_emitting()
    {
        var texts = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(Path, Spec("User.Late")));
        var compilation = GeneratorHarness.CreateCompilation(UserTypes);
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver(texts, trackSteps: true), compilation);
        Assert.Equal("CBT0032", Assert.Single(first.GeneratorDiagnostics).Id);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace User { public sealed class Late { public static Late Parse(string s, System.IFormatProvider? p) => new Late(); } }",
            GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.RunDriver(first.Driver, edited);

        Assert.Empty(second.GeneratorDiagnostics);
        Assert.Empty(second.CompileDiagnostics);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(second, TrackingNames.ClrTypeCheck)));
        Assert.All(EmitSteps, step => Assert.All(Reasons(second, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r)));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void A_comment_that_moves_the_field_moves_the_diagnostic_without_re_running_the_lookup()
    {
        var old = new InMemoryAdditionalText(Path, Spec("Some.Unknown.Type"));
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([old], trackSteps: true), compilation);
        Assert.Equal(("CBT0032", Path, 4, 17), Assert.Single(first.DiagnosticPositions));

        var moved = new InMemoryAdditionalText(Path, "# a comment line\n" + Spec("Some.Unknown.Type"));
        var second = GeneratorHarness.RunDriver(first.Driver.ReplaceAdditionalText(old, moved), compilation);

        Assert.Equal(("CBT0032", Path, 5, 17), Assert.Single(second.DiagnosticPositions));
        // The parse result carries no positions, so the uses (and the lookup) stay cached; only the locating re-runs.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Reasons(second, TrackingNames.Parse)));
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(Reasons(second, TrackingNames.ClrTypeUses)));
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(Reasons(second, TrackingNames.ClrTypeCheck)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(second, TrackingNames.ClrTypeDiagnostics)));
        Assert.All(Reasons(second, TrackingNames.Emit), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Uses_are_read_from_the_parsed_model_only()
    {
        var parsed = Parsing.SpecParser.Parse(Path, Spec("Some.Unknown.Type"), new GeneratorOptions("Root", null));
        var use = Assert.Single(ClrTypeChecker.Uses(parsed));
        Assert.Equal(new ClrTypeUse(Path, EquatableArray.Create("fields", "span", "type"), "fields.span", "global::Some.Unknown.Type"), use);
    }
}
