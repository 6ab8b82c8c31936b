using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using CbTyped.Generator.Model;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>The pipeline caches: edits re-run only what they must, and no Roslyn object is held in pipeline state.</summary>
public class IncrementalTests
{
    private static readonly string[] AllStepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly string[] SpecNames = ["Sensor.model.yaml", "SensorGroup.model.yaml", "Process.model.yaml", "WatchlistAction.model.json"];

    private static ImmutableArray<AdditionalText> Texts() =>
        SpecNames.Select(n => TestSpecFiles.Get(n)).Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();

    private static (GeneratorRun First, Compilation Compilation, ImmutableArray<AdditionalText> Texts) FirstRun()
    {
        var texts = Texts();
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public class A { } }");
        var driver = GeneratorHarness.CreateDriver(texts, trackSteps: true);
        var first = GeneratorHarness.RunDriver(driver, compilation);
        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Equal(SpecNames.Length, first.ModelCount);
        return (first, compilation, texts);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRun run, string step) =>
        run.RunResult.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static GeneratorRun ReplaceSpec(GeneratorRun first, Compilation compilation, ImmutableArray<AdditionalText> texts, string fileName, Func<string, string> edit)
    {
        var old = texts.Single(t => t.Path.EndsWith("/" + fileName, StringComparison.Ordinal));
        var replacement = new InMemoryAdditionalText(old.Path, edit(old.GetText()!.ToString()));
        return GeneratorHarness.RunDriver(first.Driver.ReplaceAdditionalText(old, replacement), compilation);
    }

    [Fact]
    public void Every_step_is_tracked_by_its_public_name()
    {
        var (first, _, _) = FirstRun();
        var tracked = first.RunResult.Results[0].TrackedSteps.Keys.ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(AllStepNames);
        Assert.All(AllStepNames, name => Assert.Contains(name, tracked));
    }

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_but_the_two_compilation_lookups()
    {
        var (first, compilation, _) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { public class B { public int X; } }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.RunDriver(first.Driver, edited);

        foreach (var step in AllStepNames)
        {
            var reasons = Reasons(second, step).ToList();
            Assert.NotEmpty(reasons);
            // The clr: lookup and the PowerShell-types check are the steps that read the compilation: they re-run and
            // find nothing new, so nothing after them runs.
            var expected = step is TrackingNames.ClrTypeCheck or TrackingNames.CmdletsCanCompile ? IncrementalStepRunReason.Unchanged : IncrementalStepRunReason.Cached;
            Assert.All(reasons, r => Assert.Equal(expected, r));
        }
        Assert.Equal(first.Sources, second.Sources);
    }

    [Theory]
    [InlineData("trailing comment")]
    [InlineData("new comment line")]
    [InlineData("changed comment text")]
    public void Comment_only_spec_edit_gives_parse_unchanged_and_emit_cached(string kind)
    {
        var (first, compilation, texts) = FirstRun();
        Func<string, string> edit = kind switch
        {
            "trailing comment" => text => text.Replace("  group_id: { type: int, requiredOnCreate: true }", "  group_id: { type: int, requiredOnCreate: true }   # which group", StringComparison.Ordinal),
            "new comment line" => text => "# a new first line that moves everything down\n" + text,
            _ => text => text.Replace("# yaml-language-server:", "#   yaml-language-server:", StringComparison.Ordinal),
        };
        var second = ReplaceSpec(first, compilation, texts, "Sensor.model.yaml", edit);

        Assert.Empty(second.GeneratorDiagnostics);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(second, TrackingNames.SpecFiles), r => r != IncrementalStepRunReason.Cached));
        var parse = Reasons(second, TrackingNames.Parse).ToList();
        Assert.Contains(IncrementalStepRunReason.Unchanged, parse);
        Assert.All(parse, r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        Assert.All(Reasons(second, TrackingNames.Emit), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Adding_a_field_changes_only_that_models_output()
    {
        var (first, compilation, texts) = FirstRun();
        var second = ReplaceSpec(first, compilation, texts, "SensorGroup.model.yaml", text => text + "  description: { type: string }\n");

        Assert.Empty(second.GeneratorDiagnostics);
        var emitSteps = second.RunResult.Results[0].TrackedSteps[TrackingNames.Emit];
        var modified = emitSteps.SelectMany(s => s.Outputs).Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var changed = Assert.Single(modified);
        var emitted = Assert.IsType<EmitResult>(changed.Value);
        Assert.All(emitted.Sources, s => Assert.Contains("SensorGroup", s.HintName, StringComparison.Ordinal));
        Assert.All(emitSteps.SelectMany(s => s.Outputs).Except(modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));

        var changedHints = first.Sources.Keys.Where(k => first.Sources[k] != second.Sources[k]).ToList();
        Assert.NotEmpty(changedHints);
        Assert.All(changedHints, h => Assert.Contains("SensorGroup", h, StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_an_operation_changes_only_that_models_operations_file()
    {
        var (first, compilation, texts) = FirstRun();
        Assert.Contains(first.Sources.Keys, k => k.EndsWith(".Sensor.Operations.g.cs", StringComparison.Ordinal));
        var second = ReplaceSpec(first, compilation, texts, "Sensor.model.yaml",
            text => text.Replace("doc: Restarts the sensor.", "doc: Restarts the sensor's service.", StringComparison.Ordinal));

        Assert.Empty(second.GeneratorDiagnostics);
        var emitOutputs = second.RunResult.Results[0].TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs).ToList();
        var modified = Assert.Single(emitOutputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Assert.IsType<EmitResult>(modified.Value).Sources, s => Assert.Contains(".Sensor.", s.HintName, StringComparison.Ordinal));
        Assert.All(emitOutputs.Where(o => o != modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        var changedHints = first.Sources.Keys.Where(k => first.Sources[k] != second.Sources[k]).ToList();
        Assert.Equal(["CbTyped.Tests.Response.Sensor.Operations.g.cs"], changedHints);
        Assert.Contains("Restarts the sensor's service.", second.Sources["CbTyped.Tests.Response.Sensor.Operations.g.cs"], StringComparison.Ordinal);
    }

    private const string MultipartSpec = """
        model: UploadBox
        key: { fields: [id] }
        fields:
          id: { type: int, readOnly: true }
        operations:
          upload:
            doc: Uploads a file.
            scope: collection
            route: "POST /api/v1/box/{box_id}/file"
            parameters:
              box_id: { type: int, in: path }
              file: { type: stream }
              file_name: { type: string }
              label: { type: string, optional: true }
            body: { kind: multipart, fileName: file_name }
            response: UploadBox
        """;

    private const string FreeFormSpec = """
        model: CommandBox
        key: { fields: [id] }
        fields:
          id: { type: int, readOnly: true }
        operations:
          post:
            doc: Posts a command.
            scope: collection
            route: "POST /api/v1/box/{box_id}/command"
            parameters:
              box_id: { type: int, in: path }
              name: { type: string }
              object: { type: json, optional: true, name: target }
              arguments: { type: members, optional: true }
            body: parameters
            response: CommandBox
        """;

    /// <summary>A first run over the usual specs plus a multipart and a free-form body spec, then one edit to <paramref name="fileName"/>.</summary>
    private static (GeneratorRun First, GeneratorRun Second) RunBodyKindsWithEdit(string fileName, Func<string, string> edit)
    {
        var texts = Texts()
            .Add(new InMemoryAdditionalText("TestSpecs/UploadBox.model.yaml", MultipartSpec))
            .Add(new InMemoryAdditionalText("TestSpecs/CommandBox.model.yaml", FreeFormSpec));
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public class A { } }");
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver(texts, trackSteps: true), compilation);
        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Equal(SpecNames.Length + 2, first.ModelCount);
        return (first, ReplaceSpec(first, compilation, texts, fileName, edit));
    }

    [Theory]
    [InlineData("UploadBox.model.yaml", "label: { type: string, optional: true }", "label: { type: string, optional: true, doc: The box label. }", "The box label.")]
    [InlineData("UploadBox.model.yaml", "fileName: file_name }", "fileName: file_name }\n    minServerVersion: \"6.0\"", "6.0")]
    [InlineData("CommandBox.model.yaml", "arguments: { type: members, optional: true }", "arguments: { type: members, optional: true, doc: Free-form members. }", "Free-form members.")]
    [InlineData("CommandBox.model.yaml", "object: { type: json, optional: true, name: target }", "object: { type: json, optional: true, name: subject }", "subject")]
    public void Editing_a_multipart_or_free_form_operation_changes_only_that_models_operations_file(string fileName, string from, string to, string expected)
    {
        string model = fileName.Split('.')[0];
        var (first, second) = RunBodyKindsWithEdit(fileName, text =>
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            return text.Replace(from, to, StringComparison.Ordinal);
        });

        Assert.Empty(second.GeneratorDiagnostics);
        var emitOutputs = second.RunResult.Results[0].TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs).ToList();
        var modified = Assert.Single(emitOutputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Assert.IsType<EmitResult>(modified.Value).Sources, s => Assert.Contains("." + model + ".", s.HintName, StringComparison.Ordinal));
        Assert.All(emitOutputs.Where(o => o != modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        var changedHints = first.Sources.Keys.Where(k => first.Sources[k] != second.Sources[k]).ToList();
        string hint = Assert.Single(changedHints);
        Assert.EndsWith("." + model + ".Operations.g.cs", hint, StringComparison.Ordinal);
        Assert.Contains(expected, second.Sources[hint], StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_multipart_spec_leaves_the_free_form_specs_output_cached()
    {
        var (first, second) = RunBodyKindsWithEdit("UploadBox.model.yaml", text => text.Replace("doc: Uploads a file.", "doc: Uploads one file.", StringComparison.Ordinal));

        Assert.Empty(second.GeneratorDiagnostics);
        foreach (var hint in first.Sources.Keys.Where(k => k.Contains(".CommandBox.", StringComparison.Ordinal)))
            Assert.Equal(first.Sources[hint], second.Sources[hint]);
        Assert.Contains("Uploads one file.", second.Sources.Single(p => p.Key.EndsWith(".UploadBox.Operations.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_spec_parsed_twice_gives_equal_records_and_identical_text()
    {
        var (path, text) = TestSpecFiles.Get("Sensor.model.yaml");
        var a = Parsing.SpecParser.Parse(path, text, new GeneratorOptions(null, null));
        var b = Parsing.SpecParser.Parse(path, text, new GeneratorOptions(null, null));
        Assert.NotSame(a.Model, b.Model);
        Assert.Equal(a, b); // value equality all the way down: what lets the pipeline cache the emit step
        Assert.Equal(a.Model!.Operations.GetHashCode(), b.Model!.Operations.GetHashCode());
        Assert.Equal(Emit.Emitter.Emit(a.Model), Emit.Emitter.Emit(b.Model));
    }

    [Fact]
    public void No_roslyn_object_in_any_tracked_step_output()
    {
        var (first, compilation, texts) = FirstRun();
        var second = ReplaceSpec(first, compilation, texts, "Sensor.model.yaml", text => text + "  extra_flag: bool\n");
        var third = GeneratorHarness.RunDriver(second.Driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class C { }", GeneratorHarness.ParseOptions)));

        var walker = new RoslynObjectWalker();
        foreach (var run in new[] { first, second, third })
        {
            // Our steps only: Roslyn's own input nodes (AdditionalTexts, Compilation, SourceOutput) hold Roslyn objects by design.
            foreach (var step in run.RunResult.Results[0].TrackedSteps.Where(p => AllStepNames.Contains(p.Key)).SelectMany(p => p.Value))
            {
                foreach (var output in step.Outputs) walker.Walk(output.Value, step.Name ?? "?");
            }
        }
        Assert.Empty(walker.Offenders);
        // The walk really saw the pipeline state, so an empty offender list means something.
        Assert.Contains(typeof(ModelSpec), walker.SeenTypes);
        Assert.Contains(typeof(ParseResult), walker.SeenTypes);
        Assert.Contains(typeof(FieldTypeSpec), walker.SeenTypes);
        Assert.Contains(typeof(OperationSpec), walker.SeenTypes);
    }

    /// <summary>Walks an object graph (fields and enumerables) and records Roslyn objects; reflection is fine in tests.</summary>
    private sealed class RoslynObjectWalker
    {
        private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel), typeof(AdditionalText)];
        private readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);

        public List<string> Offenders { get; } = [];

        public HashSet<Type> SeenTypes { get; } = [];

        public void Walk(object? value, string path)
        {
            if (value is null || value is string || value is Type) return;
            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || type == typeof(decimal)) return;
            if (!type.IsValueType && !_visited.Add(value)) return;
            SeenTypes.Add(type);
            if (Forbidden.Any(f => f.IsAssignableFrom(type)))
            {
                Offenders.Add(path + " holds " + type.FullName);
                return;
            }
            // Structs (ImmutableArray, EquatableArray) are walked through their fields: a default ImmutableArray cannot be enumerated.
            if (value is IEnumerable sequence && !type.IsValueType)
            {
                int i = 0;
                foreach (var item in sequence) Walk(item, path + "[" + i++ + "]");
                return;
            }
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    Walk(field.GetValue(value), path + "." + field.Name);
                }
            }
        }
    }
}
