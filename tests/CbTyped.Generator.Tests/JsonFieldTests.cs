using System.Linq;
using System.Text;
using System.Text.Json;
using CbTyped.Generator.Tests.Harness;
using CbTyped.Tests.Golden;
using Xunit;
using static CbTyped.Generator.Tests.Harness.ModelJson;

namespace CbTyped.Generator.Tests;

/// <summary>
/// <c>type: json</c>: any JSON value read as sent into a <see cref="JsonElement"/>, written back with its own bytes,
/// tracked like other fields; a json field cannot be a query field, a key, or a list or map element.
/// </summary>
public class JsonFieldTests
{
    private const string Path = "specs/Thing.model.yaml";

    // Golden Setting: name (key), value (json?), default_value (json, not nullable, read-only), history (list<Change>).
    public static TheoryData<string, JsonValueKind> EveryKind => new()
    {
        { "42", JsonValueKind.Number },
        { "-1.5e3", JsonValueKind.Number },
        { "\"caf\\u00e9 \\\"x\\\"\"", JsonValueKind.String },
        { "[1, \"two\", [3], null]", JsonValueKind.Array },
        { "{\"b\": [true], \"a\": {}}", JsonValueKind.Object },
        { "true", JsonValueKind.True },
        { "false", JsonValueKind.False },
        { "null", JsonValueKind.Null },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Each_json_kind_is_read_as_sent_and_written_back_byte_for_byte(string raw, JsonValueKind kind)
    {
        var setting = Load<Setting>("{\"name\":\"n\",\"value\":" + raw + "}");

        JsonElement value = Assert.NotNull(setting.Value);
        Assert.Equal(kind, value.ValueKind);
        Assert.Equal(raw, value.GetRawText());
        Assert.Equal("{\"name\":\"n\",\"value\":" + raw + "}", Encoding.UTF8.GetString(setting.ToUtf8Json()));

        // Set to another value, then to a copy of the first: the field goes dirty, then clean again.
        setting.Value = JsonElement.Parse("\"other\"");
        Assert.Equal(["value"], setting.GetDirtyFields());
        setting.Value = JsonElement.Parse(raw);
        Assert.False(setting.IsDirty);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void A_set_json_value_is_written_with_its_own_bytes(string raw, JsonValueKind kind)
    {
        var setting = Load<Setting>("""{"name":"n","value":0}""");

        setting.Value = JsonElement.Parse(raw);

        Assert.Equal(kind, setting.Value.Value.ValueKind);
        Assert.Equal(["value"], setting.GetDirtyFields());
        // The changed value goes through the generated writer, which copies the element's raw UTF-8 (escapes and
        // exponents kept), not a re-encoding of it.
        Assert.Equal("{\"name\":\"n\",\"value\":" + raw + "}", Encoding.UTF8.GetString(setting.ToUtf8Json()));
    }

    [Fact]
    public void An_absent_member_is_null_a_json_null_is_an_element_of_kind_null()
    {
        var absent = Load<Setting>("""{"name":"n"}""");
        var sentNull = Load<Setting>("""{"name":"n","value":null}""");

        Assert.Null(absent.Value);
        Assert.Equal(JsonValueKind.Undefined, absent.DefaultValue.ValueKind); // not nullable: default(JsonElement)
        Assert.Equal(JsonValueKind.Null, Assert.NotNull(sentNull.Value).ValueKind);

        // Null and the JSON null are different values: setting one over the other is a change.
        sentNull.Value = null;
        Assert.Equal(["value"], sentNull.GetDirtyFields());
        Assert.Equal("""{"name":"n","value":null}""", Encoding.UTF8.GetString(sentNull.ToUtf8Json()));
    }

    [Fact]
    public void Equality_is_by_content_so_members_in_another_order_are_no_change()
    {
        var setting = Load<Setting>("""{"name":"n","value":{"a":1,"b":[2,3]}}""");

        setting.Value = JsonElement.Parse("""{ "b": [2, 3], "a": 1 }""");
        Assert.False(setting.IsDirty);

        setting.Value = JsonElement.Parse("""{"a":1,"b":[3,2]}""");
        Assert.True(setting.IsFieldDirty("value"));
    }

    [Fact]
    public void The_element_outlives_the_document_it_was_read_from()
    {
        byte[] document = """{"name":"n","value":["kept"]}"""u8.ToArray();
        var setting = Setting.ModelInfo.CreateNew();
        Setting.ModelInfo.Populate(setting, document);
        JsonElement value = setting.Value!.Value;

        setting.LoadJson("""{"name":"n","value":1}"""u8.ToArray());
        document.AsSpan().Fill((byte)' ');

        Assert.Equal("kept", value[0].GetString());
        Assert.Equal(1, setting.Value!.Value.GetInt32());
    }

    [Fact]
    public void A_json_field_of_a_nested_type_reads_and_writes_like_a_model_field()
    {
        var setting = Load<Setting>("""{"name":"n","history":[{"user":"a","old_value":[1,"x"]},{"user":"b"}]}""");

        Assert.Equal(JsonValueKind.Array, setting.History![0].OldValue!.Value.ValueKind);
        Assert.Null(setting.History[1].OldValue);

        setting.History[1].OldValue = JsonElement.Parse("{\"k\":\"\\u2603\"}");
        Assert.True(setting.IsDirty);
        Assert.Equal("""{"name":"n","history":[{"user":"a","old_value":[1,"x"]},{"user":"b","old_value":{"k":"\u2603"}}]}""",
            Encoding.UTF8.GetString(setting.ToUtf8Json()));
    }

    [Fact]
    public void A_new_model_writes_only_the_json_value_it_was_given()
    {
        var setting = Setting.ModelInfo.CreateNew();
        setting.Name = "n";
        setting.Value = JsonElement.Parse("[\"a\",2]");

        Assert.Equal("""{"name":"n","value":["a",2]}""", Encoding.UTF8.GetString(setting.ToUtf8Json()));
    }

    [Fact]
    public void The_descriptor_names_the_field_type_json()
    {
        var field = Setting.ModelInfo.Fields.Single(f => f.JsonName == "value");
        Assert.Equal(CbTyped.Modeling.CbFieldType.Json, field.Type);
        Assert.True(field.IsNullable);
    }

    // ---- emission ------------------------------------------------------------------------------------------------

    private const string SearchModel = "model: Thing\nkey: { fields: [id] }\nquery: { kind: search }\nroutes:\n  list: GET /api/v1/thing\n"
        + "  get: GET /api/v1/thing/{id}\nfields:\n  id: string\n  name: string\n";

    [Fact]
    public void A_json_field_of_a_search_model_is_no_query_field_and_the_output_compiles()
    {
        var run = GeneratorHarness.RunOne(Path, SearchModel + "  data: json\n");

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        string fields = run.Sources.Single(s => s.Key.EndsWith(".Thing.Fields.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains(" Name { get; }", fields, System.StringComparison.Ordinal);
        Assert.DoesNotContain(" Data ", fields, System.StringComparison.Ordinal);
        string model = run.Sources.Single(s => s.Key.EndsWith(".Thing.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("public global::System.Text.Json.JsonElement? Data", model, System.StringComparison.Ordinal);
        Assert.Contains("CbValueReader.ReadJson(", model, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_spec_file_declares_a_json_field_the_same_way()
    {
        const string spec = """
            { "model": "Thing", "fields": { "id": "int", "data": { "type": "json", "sortable": true } } }
            """;
        Assert.Equal(("CBT0027", "specs/Thing.model.json", 1, 84), SpecErrors.OnlyDiagnostic("specs/Thing.model.json", spec));

        var run = GeneratorHarness.RunOne("specs/Thing.model.json", spec.Replace(", \"sortable\": true", string.Empty, System.StringComparison.Ordinal));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains("public global::System.Text.Json.JsonElement? Data",
            run.Sources.Single(s => s.Key.EndsWith(".Thing.g.cs", System.StringComparison.Ordinal)).Value, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Emission_is_deterministic()
    {
        string spec = SearchModel + "  data: { type: json, doc: Anything. }\n  must: { type: json, nullable: false }\n";
        var first = GeneratorHarness.RunOne(Path, spec).Sources;
        var second = GeneratorHarness.RunOne(Path, spec).Sources;

        Assert.Equal(first.Keys.OrderBy(k => k, System.StringComparer.Ordinal), second.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.All(first, pair => Assert.Equal(pair.Value, second[pair.Key]));
    }

    // ---- diagnostics ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("  data: { type: json, search: true }\n", "search", 10, 31)]
    [InlineData("  data: { type: json, search: data_text }\n", "search", 10, 31)]
    [InlineData("  data: { type: json, search: false, sortable: true }\n", "sortable", 10, 48)]
    [InlineData("  data: { type: json, search: false, facet: true }\n", "facet", 10, 45)]
    public void A_json_field_asked_to_be_queried_is_CBT0027_at_that_key(string field, string key, int line, int column)
    {
        var d = SpecErrors.OnlyDiagnostic(Path, SearchModel + field);
        Assert.Equal(("CBT0027", Path, line, column), d);
        string message = SpecErrors.Message(Path, SearchModel + field);
        Assert.Contains("Remove '" + key + "'", message, System.StringComparison.Ordinal);
        Assert.Contains("searchFields:", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_key_field_is_CBT0006()
    {
        var d = SpecErrors.OnlyDiagnostic(Path, "model: Thing\nkey: { fields: [id] }\nroutes:\n  get: GET /x/{id}\nfields:\n  id: json\n");
        Assert.Equal(("CBT0006", Path, 2, 17), d);
    }

    [Theory]
    [InlineData("list<json>")]
    [InlineData("map<string,json>")]
    public void A_list_or_map_of_json_is_CBT0007_with_the_fix(string type)
    {
        string spec = "model: Thing\nfields:\n  data: \"" + type + "\"\n";
        Assert.Equal(("CBT0007", Path, 3, 9), SpecErrors.OnlyDiagnostic(Path, spec));
        Assert.Contains("write type: json", SpecErrors.Message(Path, spec), System.StringComparison.Ordinal);
    }
}
