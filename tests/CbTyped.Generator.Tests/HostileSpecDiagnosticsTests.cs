using System.Globalization;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// Specs written to break the generator (issue 12): each one gets a CBT diagnostic at the spec's line and column,
/// never a hang, a crash, CBT9999 or code that does not compile. Positions are 1-based, as editors show them.
/// </summary>
public class HostileSpecDiagnosticsTests
{
    private const string Path = "specs/Thing.model.yaml";

    /// <summary>Runs one spec and returns its only diagnostic (error severity, no exception, nothing generated).</summary>
    private static (string Id, string Path, int Line, int Column) Single(string spec, string path = Path) =>
        SpecErrors.OnlyDiagnostic(path, spec, nothingGenerated: true);

    private static string Message(string spec, string path = Path) => SpecErrors.Message(path, spec);

    [Fact]
    public void Alias_bomb_is_refused_at_the_first_alias_without_expanding_it()
    {
        // 1.8 KB expanding 10^10 times through the representation model: refused where '*a' is first written.
        var spec = "model: Thing\nfields:\n  id: int\n"
            + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + string.Concat(Enumerable.Range(0, 9).Select(i => (char)('b' + i) + ": &" + (char)('b' + i) + " [" + string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i), 10)) + "]\n"));
        Assert.True(spec.Length < 2000, spec.Length.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(("CBT0030", Path, 5, 8), Single(spec));
        Assert.Contains("alias '*a'", Message(spec));
    }

    [Fact]
    public void A_single_alias_is_refused_too()
    {
        var spec = "model: Thing\nfields:\n  id: &t { type: int }\n  other: *t\n";
        Assert.Equal(("CBT0030", Path, 4, 10), Single(spec));
    }

    [Fact]
    public void A_hundred_thousand_nested_brackets_stop_at_the_depth_limit()
    {
        // The 32nd bracket (the root mapping is the first level) is where reading stops, long before any recursion.
        var spec = "model: Thing\nfields: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        Assert.Equal(("CBT0031", Path, 2, 40), Single(spec));
        Assert.Contains("deeper than 32 levels", Message(spec));
    }

    [Fact]
    public void Deeply_nested_flow_mappings_stop_at_the_depth_limit()
    {
        var spec = "model: Thing\nfields: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "\n";
        Assert.Equal(("CBT0031", Path, 2, 133), Single(spec));
    }

    [Fact]
    public void Deeply_nested_json_stops_at_the_depth_limit()
    {
        var spec = "{\"model\": \"Thing\", \"fields\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 50_000)) + "1" + new string('}', 50_001) + "\n";
        Assert.Equal("CBT0031", Single(spec, "specs/Thing.model.json").Id);
    }

    [Fact]
    public void Deeply_nested_field_type_text_is_refused()
    {
        var spec = "model: Thing\nfields:\n  id: \"" + string.Concat(Enumerable.Repeat("list<", 20_000)) + "int" + new string('>', 20_000) + "\"\n";
        Assert.Equal(("CBT0007", Path, 3, 7), Single(spec));
        Assert.Contains("nest at most 8 deep", Message(spec));
    }

    [Fact]
    public void Unterminated_flow_mapping_is_cbt0001_at_its_opening_brace()
    {
        Assert.Equal(("CBT0001", Path, 2, 9), Single("model: Thing\nfields: { id: int\n"));
        Assert.Contains("this '{' is never closed", Message("model: Thing\nfields: { id: int\n"));
        Assert.Equal(("CBT0001", "specs/Thing.model.json", 1, 30), Single("{\"model\": \"Thing\", \"fields\": {\"id\": \"int\"", "specs/Thing.model.json"));
        // Unterminated, and its next line at column 1: YamlDotNet's scanner threw InvalidOperationException (CBT9999).
        Assert.Equal("CBT0001", Single("model: Thing\nfields: { id: { type: int, doc: a b\nc d\n").Id);
    }

    [Fact]
    public void Truncated_file_is_reported_at_the_bracket_left_open()
    {
        Assert.Equal(("CBT0001", Path, 4, 9), Single("model: Thing\nfields:\n  id: { type: int }\n  name: { type: str"));
        Assert.Equal(("CBT0001", Path, 3, 17), Single("model: Thing\nfields:\n  id: { values: [a, b"));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void A_line_break_of_any_kind_inside_a_flow_scalar_is_cbt0001_or_accepted(string lineBreak)
    {
        // YamlDotNet's scanner throws InvalidOperationException (it was CBT9999) when a plain scalar in a flow mapping
        // goes on at column 1 after a line break; indented, the scalar simply goes on.
        const string head = "model: Thing\nfields:\n  id: { type: int, doc: Start of the window (minutes a";
        Assert.Equal("CBT0001", Single(head + lineBreak + "fter midnight). }\n").Id);

        var run = GeneratorHarness.RunOne(Path, head + lineBreak + "      fter midnight). }\n");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Equal(1, run.ModelCount);
    }

    [Fact]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        Assert.Equal(("CBT0001", Path, 3, 1), Single("model: Thing\nfields:\n\tid: int\n"));
        Assert.Equal(("CBT0001", Path, 4, 1), Single("model: Thing\nfields:\n  id: int\n\tname: string\n"));
        Assert.Equal(("CBT0001", Path, 4, 3), Single("model: Thing\nfields:\n  id: int\n  \tname: string\n"));
        Assert.Contains("indent with spaces", Message("model: Thing\nfields:\n\tid: int\n"));
    }

    [Fact]
    public void A_duplicate_key_does_not_hide_the_other_errors_of_the_file()
    {
        var run = GeneratorHarness.RunOne(Path, "model: Thing\nfields:\n  id: int\n  id: int\n  x: nosuch\n  x: int\nkey: { fields: [y] }\n");
        Assert.Equal(
            [("CBT0002", Path, 4, 3), ("CBT0007", Path, 5, 6), ("CBT0002", Path, 6, 3), ("CBT0012", Path, 7, 17)],
            run.DiagnosticPositions);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Duplicate_keys_in_json_are_all_reported()
    {
        var run = GeneratorHarness.RunOne("specs/Thing.model.json", "{\"model\": \"Thing\",\n \"model\": \"Other\",\n \"fields\": {\"id\": \"int\", \"id\": \"string\"}}\n");
        Assert.Equal([("CBT0002", "specs/Thing.model.json", 2, 2), ("CBT0002", "specs/Thing.model.json", 3, 26)], run.DiagnosticPositions);
    }

    [Theory]
    [InlineData("var", "CBT0009")]
    [InlineData("record", "CBT0009")]
    [InlineData("thing", "CBT0008")]
    [InlineData("Fields", "CBT0010")]
    [InlineData("ModelInfo", "CBT0010")]
    public void Model_names_that_break_the_generated_code_are_refused(string name, string id)
    {
        Assert.Equal((id, Path, 1, 8), Single("model: " + name + "\nfields:\n  id: int\n"));
    }

    [Fact]
    public void Lower_case_nested_type_and_enum_names_are_refused()
    {
        Assert.Equal(("CBT0008", Path, 5, 3), Single("model: Thing\nfields:\n  id: int\ntypes:\n  nic: { fields: { ip: string } }\n"));
        Assert.Equal(("CBT0009", Path, 3, 47), Single("model: Thing\nfields:\n  state: { type: enum, values: [a], enumName: record }\n"));
    }

    [Fact]
    public void Enum_names_that_mean_an_inherited_member_inside_the_model_are_refused()
    {
        // Found by the fuzz test (seed 7): an enum named Equals compiled to CS0119 inside the model class.
        Assert.Equal(("CBT0010", Path, 3, 47), Single("model: Thing\nfields:\n  state: { type: enum, values: [a], enumName: Equals }\n"));
        // The default name, model + property, can be one too: Get + Type.
        Assert.Equal(("CBT0010", Path, 3, 3), Single("model: Get\nfields:\n  type: { type: enum, values: [a] }\n"));
    }

    [Fact]
    public void A_search_field_named_like_an_object_member_is_refused()
    {
        // Found by the fuzz test (seed 7): Fields.Equals hid object.Equals (CS0108).
        Assert.Equal(("CBT0010", Path, 5, 3), Single("model: Thing\nfields:\n  id: int\nsearchFields:\n  Equals: string\n"));
    }

    [Fact]
    public void A_namespace_equal_to_a_models_full_name_is_reported_at_the_namespace()
    {
        var run = GeneratorHarness.Run([
            ("specs/A.model.yaml", "model: Thing\nnamespace: Acme\nfields:\n  id: int\n"),
            ("specs/B.model.yaml", "model: Other\nnamespace: Acme.Thing\nfields:\n  id: int\n"),
            ("specs/C.model.yaml", "model: Third\nnamespace: Acme.Thing.Deeper\nfields:\n  id: int\n"),
        ]);
        Assert.Equal([("CBT0010", "specs/B.model.yaml", 2, 12), ("CBT0010", "specs/C.model.yaml", 2, 12)], run.DiagnosticPositions);
        Assert.Equal(1, run.ModelCount);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void To_many_query_with_unbalanced_braces_is_reported_at_the_query()
    {
        const string head = "model: Thing\nkey: { fields: [id] }\nroutes: { get: \"GET /x/{id}\", list: GET /x }\nfields:\n  id: int\njoins:\n  kids: { kind: toMany, model: Thing, query: ";
        Assert.Equal(("CBT0006", Path, 7, 46), Single(head + "\"p:{id\" }\n"));
        Assert.Equal(("CBT0006", Path, 7, 46), Single(head + "\"p:id}\" }\n"));
        Assert.Equal(("CBT0006", Path, 7, 46), Single(head + "\"p:{}\" }\n"));
        Assert.Equal(("CBT0006", Path, 7, 46), Single(head + "\"p:{{id}}\" }\n"));
        Assert.Contains("A '{' is not closed", Message(head + "\"p:{id\" }\n"));
    }

    [Fact]
    public void An_empty_key_is_reported()
    {
        Assert.Equal(("CBT0006", Path, 2, 16), Single("model: Thing\nkey: { fields: [] }\nfields:\n  id: int\n"));
    }

    [Fact]
    public void A_list_typed_key_is_reported()
    {
        Assert.Equal(("CBT0006", Path, 2, 17), Single("model: Thing\nkey: { fields: [ids] }\nfields:\n  ids: list<int>\n"));
        Assert.Equal(("CBT0006", Path, 2, 17), Single("model: Thing\nkey: { fields: [ids] }\nfields:\n  ids: map<string,int>\n"));
    }

    [Fact]
    public void A_key_field_listed_twice_is_reported()
    {
        Assert.Equal(("CBT0006", Path, 2, 21), Single("model: Thing\nkey: { fields: [id, id] }\nfields:\n  id: int\n"));
    }

    [Fact]
    public void A_version_range_with_max_below_min_is_reported()
    {
        var spec = "model: Thing\nfields:\n  id: int\nroutes:\n  get:\n    - { route: \"GET /x/{id}\", minServerVersion: \"6.0\", maxServerVersion: \"5.10\" }\n";
        Assert.Equal(("CBT0023", Path, 6, 49), Single(spec));
        Assert.Contains("is above maxServerVersion", Message(spec));
    }

    [Fact]
    public void Versions_compare_as_numbers()
    {
        // 5.10 is above 5.9: no diagnostic.
        var run = GeneratorHarness.RunOne(Path, "model: Thing\nfields:\n  id: int\nroutes:\n  get:\n    - { route: \"GET /x/{id}\", minServerVersion: \"5.9\", maxServerVersion: \"5.10\" }\n");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_to_one_join_via_a_list_field_is_reported()
    {
        var spec = "model: Thing\nkey: { fields: [id] }\nroutes: { get: \"GET /x/{id}\" }\nfields:\n  id: int\n  ids: list<int>\njoins:\n  other: { kind: toOne, model: Thing, via: ids }\n";
        Assert.Equal(("CBT0006", Path, 8, 44), Single(spec));
    }

    [Fact]
    public void A_child_list_parent_naming_an_unknown_field_is_reported()
    {
        var spec = "model: Thing\nquery: { kind: childList, parent: { model: Thing, field: nope } }\nkey: { fields: [id] }\nroutes: { list: \"GET /x/{parent.id}\" }\nfields:\n  id: int\n";
        Assert.Equal(("CBT0015", Path, 2, 58), Single(spec));
    }

    [Fact]
    public void A_clr_type_that_is_not_a_type_name_is_reported_at_the_type()
    {
        Assert.Equal(("CBT0007", Path, 3, 6), Single("model: Thing\nfields:\n  x: \"clr:System.Collections.Generic.List<int>\"\n"));
        Assert.Equal(("CBT0007", Path, 3, 6), Single("model: Thing\nfields:\n  x: \"clr:System.int\"\n"));
        Assert.Equal(("CBT0007", Path, 3, 6), Single("model: Thing\nfields:\n  x: \"clr:System.Int32?\"\n"));
        Assert.Equal(("CBT0007", Path, 3, 6), Single("model: Thing\nfields:\n  x: \"clr:global::global::System.TimeSpan\"\n"));
    }
}
