using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;
using CbTyped.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>An exception while emitting a model (a generator bug) is CBT9999 at the spec's full path, never a crash.</summary>
public class EmitFailureTests
{
    [Fact]
    public void An_emit_failure_is_CBT9999_at_the_specs_full_path()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cbtyped-specs", "nested", "Broken.model.yaml");
        ParseResult parsed = SpecParser.Parse(path, "model: Broken\nnamespace: T\nfields:\n  tags: { type: \"list<int>\" }\n", new GeneratorOptions(null, "T"));
        ModelSpec model = Assert.IsType<ModelSpec>(parsed.Model);
        // A list without an element type cannot come from a valid spec: it stands in for a bug in an emitter.
        FieldSpec field = model.Fields[0];
        model = model with { Fields = EquatableArray.Create(field with { Type = field.Type with { Element = null } }) };

        EmitResult result = SpecGenerator.EmitSafely(model);

        Assert.Empty(result.Sources);
        Diagnostic diagnostic = DiagnosticFactory.ToDiagnostic(Assert.Single(result.Diagnostics));
        Assert.Equal("CBT9999", diagnostic.Id);
        FileLinePositionSpan position = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, position.Path); // the full path, not just "Broken.model.yaml"
        Assert.Equal(new LinePosition(0, 0), position.StartLinePosition);
        Assert.Contains("NullReferenceException", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_code_names_only_the_spec_file_not_its_folders()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cbtyped-specs", "nested", "Fine.model.yaml");
        ParseResult parsed = SpecParser.Parse(path, "model: Fine\nnamespace: T\nfields:\n  id: { type: int }\n", new GeneratorOptions(null, "T"));

        EmitResult result = SpecGenerator.EmitSafely(Assert.IsType<ModelSpec>(parsed.Model));

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Sources, source => Assert.DoesNotContain("cbtyped-specs", source.Text, System.StringComparison.Ordinal));
        Assert.Contains(result.Sources, source => source.Text.Contains("Fine.model.yaml", System.StringComparison.Ordinal));
    }
}
