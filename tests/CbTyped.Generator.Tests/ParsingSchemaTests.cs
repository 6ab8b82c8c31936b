using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CbTyped.Generator.Parsing;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>docs/cbtyped-spec.schema.json names exactly the keys the parser accepts, so editors and the generator agree.</summary>
public class ParsingSchemaTests
{
    private static string RepoRoot() => RepositoryFiles.Root();

    private static JsonElement Schema() => RepositoryFiles.SpecSchema();

    private static IEnumerable<string> Keys(JsonElement objectSchema) =>
        objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private static void SameKeys(IEnumerable<string> parserKeys, JsonElement schemaObject) =>
        Assert.Equal(parserKeys.OrderBy(k => k, System.StringComparer.Ordinal), Keys(schemaObject).OrderBy(k => k, System.StringComparer.Ordinal));

    [Fact]
    public void Schema_keys_match_the_parser_keys_at_every_level()
    {
        var schema = Schema();
        var root = schema.GetProperty("properties");
        var definitions = schema.GetProperty("definitions");
        SameKeys(SpecKeys.Root, schema);
        SameKeys(SpecKeys.Key, root.GetProperty("key"));
        SameKeys(SpecKeys.Query, root.GetProperty("query"));
        SameKeys(SpecKeys.QueryParent, root.GetProperty("query").GetProperty("properties").GetProperty("parent"));
        SameKeys(SpecKeys.Routes, root.GetProperty("routes"));
        SameKeys(SpecKeys.RouteVariant, definitions.GetProperty("route").GetProperty("oneOf")[1].GetProperty("items"));
        SameKeys(SpecKeys.Field, definitions.GetProperty("field"));
        SameKeys(SpecKeys.NestedType, root.GetProperty("types").GetProperty("additionalProperties"));
        SameKeys(SpecKeys.SearchField, root.GetProperty("searchFields").GetProperty("additionalProperties").GetProperty("oneOf")[1]);
        SameKeys(SpecKeys.Join, root.GetProperty("joins").GetProperty("additionalProperties"));
    }

    [Fact]
    public void Schema_enums_match_the_parser_choices()
    {
        var schema = Schema();
        var root = schema.GetProperty("properties");
        static IEnumerable<string> Enum(JsonElement e) => e.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!);
        Assert.Equal(SpecKeys.QueryKinds, Enum(root.GetProperty("query").GetProperty("properties").GetProperty("kind")));
        Assert.Equal(SpecKeys.Normalizations, Enum(root.GetProperty("key").GetProperty("properties").GetProperty("normalize")));
        Assert.Equal(SpecKeys.JoinKinds, Enum(root.GetProperty("joins").GetProperty("additionalProperties").GetProperty("properties").GetProperty("kind")));
        Assert.Equal(SpecKeys.DateFormats, Enum(schema.GetProperty("definitions").GetProperty("field").GetProperty("properties").GetProperty("format")));
        var searchField = root.GetProperty("searchFields").GetProperty("additionalProperties").GetProperty("oneOf");
        Assert.Equal(SpecKeys.SearchFieldTypes, Enum(searchField[0]));
        Assert.Equal(SpecKeys.SearchFieldTypes, Enum(searchField[1].GetProperty("properties").GetProperty("type")));
        Assert.Equal(SpecKeys.ScalarTypes, Enum(schema.GetProperty("definitions").GetProperty("typeText").GetProperty("anyOf")[0]));
    }

    [Fact]
    public void Test_specs_point_editors_at_the_schema()
    {
        var (_, text) = Harness.TestSpecFiles.Get("Sensor.model.yaml");
        Assert.StartsWith("# yaml-language-server: $schema=../../../docs/cbtyped-spec.schema.json", text, System.StringComparison.Ordinal);
        var specFolder = Path.Combine(RepoRoot(), "tests", "CbTyped.Generator.Tests", "TestSpecs");
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(specFolder, "../../../docs/cbtyped-spec.schema.json"))));
    }
}
