using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CbTyped.Generator.Parsing;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>The JSON Schema's <c>operations</c> section names exactly the keys and choices the operation parser accepts.</summary>
public class OperationSchemaTests
{
    private static JsonElement Schema() => RepositoryFiles.SpecSchema();

    private static JsonElement Definitions()
    {
        var schema = Schema();
        Assert.Equal("#/definitions/operation", schema.GetProperty("properties").GetProperty("operations").GetProperty("additionalProperties").GetProperty("$ref").GetString());
        return schema.GetProperty("definitions");
    }

    private static List<string> Sorted(IEnumerable<string> names) => names.OrderBy(n => n, System.StringComparer.Ordinal).ToList();

    private static List<string> Keys(JsonElement objectSchema) => Sorted(objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name));

    private static List<string> Enum(JsonElement element) => element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public void Operation_parameter_and_body_keys_match_the_parser()
    {
        var definitions = Definitions();
        Assert.Equal(Sorted(SpecKeys.Operation), Keys(definitions.GetProperty("operation")));
        Assert.Equal(Sorted(SpecKeys.OperationParameter), Keys(definitions.GetProperty("operationParameter")));
        Assert.Equal(Sorted(SpecKeys.OperationBody), Keys(definitions.GetProperty("operationBody")));
    }

    [Fact]
    public void Operation_choices_match_the_parser()
    {
        var definitions = Definitions();
        var operation = definitions.GetProperty("operation").GetProperty("properties");
        Assert.Equal(SpecKeys.OperationScopes, Enum(operation.GetProperty("scope")));
        Assert.Equal(SpecKeys.ParameterTypes, Enum(definitions.GetProperty("parameterType")));
        Assert.Equal(SpecKeys.ParameterLocations, Enum(definitions.GetProperty("operationParameter").GetProperty("properties").GetProperty("in")));
        Assert.Equal(SpecKeys.BodyKinds, Enum(definitions.GetProperty("bodyKind")));
        // The named response kinds; Model, list<Model> and map<Model> are the pattern beside them.
        Assert.Equal(SpecKeys.ResponseKinds.Where(k => !k.Contains("Model", System.StringComparison.Ordinal)), Enum(operation.GetProperty("response").GetProperty("anyOf")[0]));
        Assert.Equal(SpecKeys.CreateBodies, Enum(Schema().GetProperty("properties").GetProperty("routes").GetProperty("properties").GetProperty("createBody")));
    }
}
