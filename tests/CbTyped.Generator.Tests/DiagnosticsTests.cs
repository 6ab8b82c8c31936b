using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>Each kind of spec problem gives its CBT id at the right file, line and column (1-based, as editors show).</summary>
public class DiagnosticsTests
{
    private const string Path = "specs/Thing.model.yaml";

    private static (string Id, string Path, int Line, int Column) Single(string spec, string path = Path) => SpecErrors.OnlyDiagnostic(path, spec);

    private static string Message(string spec) => SpecErrors.Message(Path, spec);

    [Fact]
    public void Invalid_yaml_points_at_the_syntax_error()
    {
        // Line 3 opens a flow mapping that is never closed; the parser notices at the end of the input, and the
        // diagnostic points at the '{' still open there.
        var d = Single("model: Thing\nfields:\n  id: { type: int\n");
        Assert.Equal(("CBT0001", Path, 3, 7), d);
    }

    [Fact]
    public void Invalid_json_points_at_the_syntax_error()
    {
        // Line 3: a comma is missing between two members (YamlDotNet reports where the next key starts).
        var d = Single("{\n  \"model\": \"Thing\"\n  \"fields\": { \"id\": \"int\" }\n}\n", "specs/Thing.model.json");
        Assert.Equal("CBT0001", d.Id);
        Assert.Equal("specs/Thing.model.json", d.Path);
        Assert.Equal(3, d.Line);
    }

    [Fact]
    public void Unknown_key_suggests_the_nearest_valid_key()
    {
        var spec = "model: Thing\nfields:\n  id: int\nroutez:\n  get: GET /x/{id}\n";
        Assert.Equal(("CBT0003", Path, 4, 1), Single(spec));
        Assert.Contains("Did you mean 'routes'?", Message(spec));
    }

    [Fact]
    public void Unknown_field_key_suggests_the_nearest_field_key()
    {
        var spec = "model: Thing\nfields:\n  id: { type: int, readonly: true }\n";
        Assert.Equal(("CBT0003", Path, 3, 20), Single(spec));
        Assert.Contains("Did you mean 'readOnly'?", Message(spec));
    }

    [Fact]
    public void Unknown_type_with_suggestion()
    {
        var spec = "model: Thing\nfields:\n  id: { type: integer }\n";
        Assert.Equal(("CBT0007", Path, 3, 15), Single(spec));
        Assert.Contains("did you mean 'int'?", Message(spec));
    }

    [Fact]
    public void Unknown_nested_type_in_list()
    {
        Assert.Equal(("CBT0007", Path, 3, 17), Single("model: Thing\nfields:\n  nics: { type: \"list<Nic>\" }\n"));
    }

    [Fact]
    public void Duplicate_field()
    {
        Assert.Equal(("CBT0002", Path, 4, 3), Single("model: Thing\nfields:\n  id: int\n  id: string\n"));
    }

    [Fact]
    public void Duplicate_model_across_files_is_reported_on_the_later_path()
    {
        var run = GeneratorHarness.Run([("specs/a/Thing.model.yaml", "model: Thing\nfields:\n  id: int\n"), ("specs/b/Thing.model.yaml", "\nmodel: Thing\nfields:\n  id: int\n")]);
        Assert.Equal([("CBT0011", "specs/b/Thing.model.yaml", 2, 8)], run.DiagnosticPositions);
        Assert.Equal(1, run.ModelCount);
    }

    [Fact]
    public void Join_to_unknown_model()
    {
        var spec = "model: Thing\nfields:\n  id: int\n  group_id: int\njoins:\n  group: { kind: toOne, model: SensorGroop, via: group_id }\n";
        Assert.Equal(("CBT0014", Path, 6, 32), Single(spec));
    }

    [Fact]
    public void Join_to_unknown_model_suggests_a_declared_model()
    {
        var run = GeneratorHarness.Run([
            (Path, "model: Thing\nfields:\n  id: int\n  group_id: int\njoins:\n  group: { kind: toOne, model: SensorGroop, via: group_id }\n"),
            ("specs/SensorGroup.model.yaml", "model: SensorGroup\nkey: { fields: [id] }\nfields:\n  id: int\n"),
        ]);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CBT0014", d.Id);
        Assert.Contains("did you mean 'SensorGroup'?", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Join_via_unknown_field()
    {
        var spec = "model: Thing\nfields:\n  id: int\njoins:\n  group: { kind: toOne, model: Thing, via: group_idd }\n";
        Assert.Equal(("CBT0015", Path, 5, 44), Single(spec));
    }

    [Fact]
    public void Join_query_placeholder_unknown_field()
    {
        var spec = "model: Thing\nfields:\n  id: int\njoins:\n  kids: { kind: toMany, model: Thing, query: \"parent:{nope}\" }\n";
        Assert.Equal(("CBT0015", Path, 5, 46), Single(spec));
    }

    [Fact]
    public void To_one_join_to_a_model_without_a_key()
    {
        var spec = "model: Thing\nfields:\n  id: int\njoins:\n  self: { kind: toOne, model: Thing, via: id }\n";
        Assert.Equal(("CBT0015", Path, 5, 31), Single(spec));
    }

    [Fact]
    public void Key_is_not_a_field()
    {
        Assert.Equal(("CBT0012", Path, 2, 21), Single("model: Thing\nkey: { fields: [id, sgment_id] }\nfields:\n  id: int\n  segment_id: long\n"));
    }

    [Fact]
    public void Route_names_an_unknown_field()
    {
        Assert.Equal(("CBT0013", Path, 5, 8), Single("model: Thing\nfields:\n  id: int\nroutes:\n  get: GET /api/thing/{idd}\n"));
    }

    [Fact]
    public void Parent_placeholder_outside_a_child_list()
    {
        Assert.Equal(("CBT0013", Path, 5, 8), Single("model: Thing\nfields:\n  id: int\nroutes:\n  get: GET /api/{parent.id}/thing/{id}\n"));
    }

    [Fact]
    public void Invalid_route()
    {
        Assert.Equal(("CBT0016", Path, 5, 8), Single("model: Thing\nfields:\n  id: int\nroutes:\n  get: FETCH /api/thing/{id}\n"));
        Assert.Equal(("CBT0016", Path, 5, 8), Single("model: Thing\nfields:\n  id: int\nroutes:\n  get: GET api/thing\n"));
        Assert.Equal(("CBT0016", Path, 5, 8), Single("model: Thing\nfields:\n  id: int\nroutes:\n  get: GET /api/thing/{id\n"));
    }

    [Fact]
    public void Model_name_is_a_keyword()
    {
        Assert.Equal(("CBT0009", Path, 1, 8), Single("model: class\nfields:\n  id: int\n"));
    }

    [Fact]
    public void Field_name_override_is_a_keyword()
    {
        Assert.Equal(("CBT0009", Path, 3, 29), Single("model: Thing\nfields:\n  klass: { type: int, name: class }\n"));
    }

    [Fact]
    public void Field_name_is_not_an_identifier()
    {
        Assert.Equal(("CBT0008", Path, 3, 3), Single("model: Thing\nfields:\n  1st_value: int\n"));
    }

    [Fact]
    public void Fields_clash_after_pascal_casing()
    {
        var spec = "model: Thing\nfields:\n  foo_bar: int\n  foo__bar: int\n";
        Assert.Equal(("CBT0010", Path, 4, 3), Single(spec));
        Assert.Contains("field 'foo_bar'", Message(spec));
    }

    [Fact]
    public void Field_clashes_with_class_name()
    {
        Assert.Equal(("CBT0010", Path, 3, 3), Single("model: Thing\nfields:\n  thing: int\n"));
    }

    [Fact]
    public void Join_clashes_with_field()
    {
        Assert.Equal(("CBT0010", Path, 6, 3), Single("model: Thing\nkey: { fields: [id] }\nfields:\n  id: int\njoins:\n  id: { kind: toOne, model: Thing, via: id }\n"));
    }

    [Fact]
    public void Field_clashes_with_a_base_member()
    {
        Assert.Equal(("CBT0010", Path, 3, 3), Single("model: Thing\nfields:\n  is_dirty: bool\n"));
    }

    [Fact]
    public void Field_clashes_with_a_generated_member()
    {
        Assert.Equal(("CBT0010", Path, 3, 3), Single("model: Thing\nfields:\n  fields: int\n"));
    }

    [Fact]
    public void Field_clashes_with_the_change_hook_of_another_field()
    {
        Assert.Equal(("CBT0010", Path, 3, 3), Single("model: Thing\nfields:\n  name: string\n  on_name_changed: string\n"));
    }

    [Fact]
    public void Field_clashes_with_a_join_accessor()
    {
        var spec = "model: Thing\nkey: { fields: [id] }\nfields:\n  id: int\n  get_parent_async: string\njoins:\n  parent: { kind: toOne, model: Thing, via: id }\n";
        Assert.Equal(("CBT0010", Path, 7, 3), Single(spec));
    }

    [Fact]
    public void Enum_type_name_clashes_with_a_model_in_another_file()
    {
        var run = GeneratorHarness.Run([
            ("specs/Status.model.yaml", "model: Status\nfields:\n  id: int\n"),
            (Path, "model: Thing\nfields:\n  status: { type: enum, values: [a], enumName: Status }\n"),
        ]);
        Assert.Equal([("CBT0010", Path, 3, 11)], run.DiagnosticPositions);
        Assert.NotEmpty(run.Sources);
        Assert.All(run.Sources.Keys, hint => Assert.DoesNotContain("Thing", hint, System.StringComparison.Ordinal)); // the clashing model is not emitted
    }

    [Fact]
    public void Same_enum_name_in_two_models_of_one_namespace()
    {
        var run = GeneratorHarness.Run([
            ("specs/A.model.yaml", "model: A\nfields:\n  state: { type: enum, values: [x], enumName: State }\n"),
            ("specs/B.model.yaml", "model: B\nfields:\n  id: int\n  state: { type: enum, values: [y], enumName: State }\n"),
        ]);
        Assert.Equal([("CBT0010", "specs/B.model.yaml", 4, 10)], run.DiagnosticPositions);
    }

    [Fact]
    public void Missing_model()
    {
        Assert.Equal(("CBT0004", Path, 1, 1), Single("fields:\n  id: int\n"));
    }

    [Fact]
    public void Missing_fields()
    {
        Assert.Equal(("CBT0004", Path, 1, 1), Single("model: Thing\ndoc: nothing else\n"));
    }

    [Fact]
    public void Bad_query_kind_suggests_the_nearest()
    {
        var spec = "model: Thing\nquery: { kind: serch }\nroutes: { list: GET /x }\nfields:\n  id: int\n";
        Assert.Equal(("CBT0006", Path, 2, 16), Single(spec));
        Assert.Contains("Did you mean 'search'?", Message(spec));
    }

    [Fact]
    public void Bad_boolean_is_not_yaml_1_1_yes()
    {
        Assert.Equal(("CBT0006", Path, 3, 30), Single("model: Thing\nfields:\n  id: { type: int, readOnly: yes }\n"));
    }

    [Fact]
    public void Enum_without_values()
    {
        Assert.Equal(("CBT0004", Path, 3, 11), Single("model: Thing\nfields:\n  status: { type: enum }\n"));
    }

    [Fact]
    public void Enum_values_that_clash()
    {
        Assert.Equal(("CBT0006", Path, 3, 28), Single("model: Thing\nfields:\n  id: { type: int, values: [a] }\n"));
        Assert.Equal(("CBT0010", Path, 3, 43), Single("model: Thing\nfields:\n  status: { type: enum, values: [on-line, on_line] }\n"));
    }

    [Fact]
    public void Empty_file()
    {
        Assert.Equal(("CBT0017", Path, 1, 1), Single("# only a comment\n"));
    }

    [Fact]
    public void Fields_as_a_list_has_the_wrong_shape()
    {
        Assert.Equal(("CBT0005", Path, 2, 9), Single("model: Thing\nfields: [id, name]\n"));
    }

    [Fact]
    public void Singleton_without_get_route()
    {
        Assert.Equal(("CBT0018", Path, 2, 8), Single("model: Thing\nquery: { kind: singleton }\nfields:\n  id: int\n"));
    }

    [Fact]
    public void Child_list_parent_unknown_model()
    {
        var spec = "model: Thing\nquery: { kind: childList, parent: { model: Nope, field: id } }\nroutes: { list: \"GET /x/{parent.id}/things\" }\nfields:\n  id: int\n";
        Assert.Equal(("CBT0014", Path, 2, 44), Single(spec));
    }

    [Fact]
    public void Bad_server_version()
    {
        var spec = "model: Thing\nfields:\n  id: int\nroutes:\n  get:\n    - { route: \"GET /x/{id}\", minServerVersion: six }\n";
        Assert.Equal(("CBT0006", Path, 6, 49), Single(spec));
    }

    [Fact]
    public void Several_problems_in_one_file_are_all_reported()
    {
        var run = GeneratorHarness.RunOne(Path, "model: Thing\nfields:\n  a: { type: nope }\n  b: { type: int, sortible: true }\nkey: { fields: [c] }\n");
        Assert.Equal(["CBT0007", "CBT0003", "CBT0012"], run.DiagnosticPositions.Select(d => d.Id));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Diagnostics_for_a_broken_spec_do_not_stop_other_models()
    {
        var run = GeneratorHarness.Run([(Path, "model: Thing\nfields:\n  a: { type: nope }\n"), ("specs/Good.model.yaml", "model: Good\nfields:\n  id: int\n")]);
        Assert.Single(run.CbtDiagnostics);
        Assert.Equal(1, run.ModelCount);
    }
}
