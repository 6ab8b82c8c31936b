using System.Linq;
using CbTyped.Generator.Model;
using CbTyped.Generator.Parsing;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>What <c>operations:</c> parse to: names, scopes, where each parameter goes, bodies, responses, version bounds.</summary>
public class OperationParsingTests
{
    private static readonly GeneratorOptions Options = new("Test.Ns", null);

    private const string Head = "model: Thing\nkey: { fields: [id] }\nroutes:\n  get: GET /x/{id}\n  delete: DELETE /x/{id}\nfields:\n  id: int\n  name: string\noperations:\n";

    private static OperationSpec One(string operation)
    {
        var result = SpecParser.Parse("Thing.model.yaml", Head + operation, Options);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Model!.Operations);
    }

    [Fact]
    public void Unsaid_locations_follow_the_route_and_the_method()
    {
        var post = One("  go:\n    route: \"POST /x/{id}/go/{step}\"\n    parameters: { step: int, why: string, when: { type: long, in: query } }\n");
        Assert.Equal([ParameterLocation.Path, ParameterLocation.Body, ParameterLocation.Query], post.Parameters.Select(p => p.In));
        Assert.Equal(OperationBodyKind.Parameters, post.Body.Kind); // body parameters alone make a parameter object

        var get = One("  find: { route: \"GET /x/{id}/find\", parameters: { term: string } }\n");
        Assert.Equal(ParameterLocation.Query, Assert.Single(get.Parameters).In);
        Assert.Equal(OperationBodyKind.None, get.Body.Kind);
    }

    [Fact]
    public void Names_defaults_and_optional_parameters()
    {
        var op = One("  synchronize_now:\n    name: SyncAsync\n    route: \"POST /x/{id}/sync\"\n    parameters:\n      full_sync: { type: bool, default: true }\n      limit: { type: long, default: 5 }\n      note: { type: string, optional: true }\n");
        Assert.Equal("Sync", op.MethodName); // 'Async' is the async method's suffix, not part of the name
        Assert.Equal(["fullSync", "limit", "note"], op.Parameters.Select(p => p.CSharpName));
        Assert.Equal(["true", "5L", null], op.Parameters.Select(p => p.DefaultLiteral));
        Assert.Equal([false, false, true], op.Parameters.Select(p => p.Optional));
    }

    [Fact]
    public void A_declared_route_name_is_reused_with_its_variants()
    {
        var op = One("  disable: { route: delete, response: refresh }\n");
        var variant = Assert.Single(op.Route.Variants);
        Assert.Equal(("DELETE", "/x/{id}"), (variant.Method, variant.Template));
        Assert.Equal("disable", op.Route.Name);
        Assert.Equal(OperationResponseKind.Refresh, op.Response.Kind);
    }

    [Fact]
    public void Operation_bounds_fill_only_the_bounds_a_variant_leaves_open()
    {
        var op = One("  list:\n    scope: collection\n    route:\n      - { route: \"GET /v1/x\", maxServerVersion: \"5.99\" }\n      - { route: \"GET /v2/x\" }\n    minServerVersion: \"5.1\"\n    response: \"map<Thing>\"\n");
        Assert.Equal([("5.1", "5.99"), ("5.1", (string?)null)], op.Route.Variants.Select(v => (v.MinServerVersion, v.MaxServerVersion)));
        Assert.Equal(OperationScope.Collection, op.Scope);
        Assert.Equal((OperationResponseKind.Map, "Thing", "global::Test.Ns.Thing"), (op.Response.Kind, op.Response.Model, op.Response.TargetTypeName));
    }

    [Fact]
    public void Body_fields_and_constants_keep_spec_order_and_json_literals()
    {
        var op = One("  enable:\n    route: \"POST /x\"\n    body: { fields: [name, id], set: { enabled: true, count: 3, ratio: -0.5, label: \"on\", zip: 007, none: null } }\n");
        Assert.Equal(OperationBodyKind.Fields, op.Body.Kind);
        Assert.Equal(["name", "id"], op.Body.Fields);
        Assert.Equal(["true", "3", "-0.5", "\"on\"", "\"007\"", "null"], op.Body.Constants.Select(c => c.JsonLiteral));
    }

    [Fact]
    public void Scalar_stream_and_external_model_responses()
    {
        Assert.Equal((OperationResponseKind.Scalar, "long"), Response("long"));
        Assert.Equal((OperationResponseKind.Stream, null), Response("stream"));
        var external = One("  a: { route: \"GET /x/{id}/a\", response: \"list<global::Other.Asset>\" }\n").Response;
        Assert.Equal((OperationResponseKind.List, "global::Other.Asset"), (external.Kind, external.TargetTypeName));

        static (OperationResponseKind, string?) Response(string text)
        {
            var r = One("  a: { route: \"GET /x/{id}/a\", response: " + text + " }\n").Response;
            return (r.Kind, r.ScalarType);
        }
    }
}

/// <summary>Body templates: placeholders inside strings and as whole values, and their checks.</summary>
public class OperationTemplateTests
{
    private const string Head = "model: Thing\nkey: { fields: [id] }\nroutes:\n  get: GET /x/{id}\nfields:\n  id: int\n  name: string\noperations:\n";

    [Fact]
    public void A_template_splits_into_literals_and_placeholders_knowing_which_are_inside_strings()
    {
        var parts = BodyTemplate.Parse("{\"ids\": {\"{id}\": [\"a\\\"{x}\"]}, \"on\": {on}, \"n\": { \"k\": 1 }}");
        var placeholders = parts.Where(p => p.Placeholder is not null).Select(p => (p.Placeholder, p.InString)).ToList();
        Assert.Equal([("id", true), ("x", true), ("on", false)], placeholders);
        Assert.Equal("{\"ids\": {\"{id}\": [\"a\\\"{x}\"]}, \"on\": {on}, \"n\": { \"k\": 1 }}",
            string.Concat(parts.Select(p => p.Literal ?? "{" + p.Placeholder + "}")));
    }

    [Fact]
    public void A_template_body_parses_with_its_text()
    {
        var result = SpecParser.Parse("Thing.model.yaml", Head + "  flag:\n    route: \"POST /x/flag\"\n    parameters: { on: { type: bool, in: body } }\n    body: { template: '{\"ids\": [\"{id}\"], \"on\": {on}}' }\n", new GeneratorOptions(null, null));
        Assert.Empty(result.Diagnostics);
        var body = Assert.Single(result.Model!.Operations).Body;
        Assert.Equal((OperationBodyKind.Template, "{\"ids\": [\"{id}\"], \"on\": {on}}"), (body.Kind, body.Template));
    }

    [Theory]
    [InlineData("body: { template: '{\"on\": {nope}}' }", "CBT0020", "not a body parameter nor a field")]
    [InlineData("body: { template: '{\"n\": {name}}' }", "CBT0020", "a field outside a JSON string")]
    [InlineData("parameters: { on: { type: bool, in: body } }, body: { template: '{\"x\": 1}' }", "CBT0024", "body parameter 'on' does not appear in the template")]
    public void Template_placeholders_are_checked(string rest, string id, string reason)
    {
        var result = SpecParser.Parse("Thing.model.yaml", Head + "  flag: { route: \"POST /x/{id}/flag\", " + rest + " }\n", new GeneratorOptions(null, null));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(9, d.Span.StartLine);
        Assert.Contains(reason, string.Join("|", d.MessageArgs), System.StringComparison.Ordinal);
    }
}
