using System;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// Hostile text the generator accepts (doc comments, enum values, JSON names) is escaped or normalised, so the output
/// compiles warning-free: a line break of any kind can never end a <c>///</c> line early.
/// </summary>
public class HostileSpecOutputTests
{
    private const string Path = "specs/Thing.model.yaml";

    private static GeneratorRun AssertCompiles(string spec)
    {
        var run = GeneratorHarness.RunOne(Path, spec);
        Assert.Null(run.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompileDiagnostics.IsEmpty,
            string.Join("\n", run.GeneratorDiagnostics.Concat(run.CompileDiagnostics).Select(d => d.ToString())));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Empty(run.EmitErrors());
        Assert.Equal(1, run.ModelCount);
        return run;
    }

    [Theory]
    [InlineData("\\r", "CR")]
    [InlineData("\\u2028", "LINE SEPARATOR")]
    [InlineData("\\u2029", "PARAGRAPH SEPARATOR")]
    [InlineData("\\x85", "NEXT LINE")]
    [InlineData("\\r\\n", "CRLF")]
    [InlineData("\\x01\\x1f\\x7f", "control characters")]
    public void Doc_text_with_any_line_break_or_control_character_compiles(string escaped, string what)
    {
        // YAML double-quoted escapes put the raw character into the doc text; the code after it would be C# if a
        // line break ended the comment.
        string doc = "\"before" + escaped + "public int Oops() => 1;\"";
        var run = AssertCompiles("model: Thing\ndoc: " + doc + "\nfields:\n  id: { type: int, doc: " + doc + " }\n"
            + "  s: { type: enum, values: [a], doc: " + doc + " }\ntypes:\n  Nic: { doc: " + doc + ", fields: { ip: string } }\n"
            + "searchFields:\n  extra: { type: string, doc: " + doc + " }\n");
        var model = run.Sources.Single(s => s.Key.EndsWith(".Thing.g.cs", StringComparison.Ordinal)).Value;
        Assert.True(model.Contains("/// before", StringComparison.Ordinal), what);
        Assert.DoesNotContain("\r", string.Concat(run.Sources.Values), StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", string.Concat(run.Sources.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_values_with_line_breaks_and_quotes_compile()
    {
        AssertCompiles("model: Thing\nfields:\n  id: int\n  s: { type: enum, values: [\"a\\nb\", \"c\\rd\", \"e\\u2028f\", \"g\\\"h\", \"<i&j>\"] }\n");
    }

    [Theory]
    [InlineData("specs/odd\nclass X { }.model.yaml")]
    [InlineData("specs/odd\u2028name.model.yaml")]
    [InlineData("specs/odd\r<&>name.model.yaml")]
    public void A_spec_file_name_with_a_line_break_compiles(string path)
    {
        var run = GeneratorHarness.RunOne(path, "model: Thing\nfields:\n  id: int\n");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Equal(1, run.ModelCount);
    }

    [Fact]
    public void Json_names_with_line_breaks_compile()
    {
        AssertCompiles("model: Thing\nfields:\n  id: int\n  \"odd\\nname\": { type: string, name: OddName }\n  \"x\\u2029y\": { type: int, name: Xy, search: \"q\\rname\" }\n");
    }
}
