using System.Globalization;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>Bad <c>operations:</c> give their CBT id at the spec's line and column (1-based), with the fix in the message.</summary>
public class OperationDiagnosticsTests
{
    private const string Path = "specs/Thing.model.yaml";

    // Lines 1-8; the operation under test is line 9.
    private const string Head = "model: Thing\nkey: { fields: [id] }\nroutes:\n  get: GET /x/{id}\nfields:\n  id: int\n  name: string\noperations:\n";

    private static (string Id, string Path, int Line, int Column, string Message) Single(string operation, params (string Path, string Text)[] others)
    {
        var run = GeneratorHarness.Run([(Path, Head + operation), .. others]);
        Assert.Null(run.Exception);
        var d = Assert.Single(run.GeneratorDiagnostics);
        var span = d.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        Assert.Equal(0, run.Sources.Keys.Count(k => k.Contains(".Thing.", System.StringComparison.Ordinal))); // a model with errors is not emitted
        return (d.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_route_placeholder_that_is_neither_a_parameter_nor_a_field_is_CBT0020_with_the_nearest_name()
    {
        var d = Single("  mount: { route: \"POST /x/{idd}/mount\" }\n");
        Assert.Equal(("CBT0020", 9, 19), (d.Id, d.Line, d.Column));
        Assert.Contains("'{idd}'", d.Message, System.StringComparison.Ordinal);
        Assert.Contains("did you mean 'id'?", d.Message, System.StringComparison.Ordinal);
        Assert.Contains("parameters:", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_operation_cannot_fill_its_route_from_fields()
    {
        var d = Single("  find: { scope: collection, route: \"GET /x/by/{name}\" }\n");
        Assert.Equal(("CBT0020", 9, 37), (d.Id, d.Line, d.Column));
        Assert.Contains("a collection operation has no instance fields", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_parameter_fills_a_collection_operations_route()
    {
        var run = GeneratorHarness.RunOne(Path, Head + "  find: { scope: collection, route: \"GET /x/by/{name}\", parameters: { name: string }, response: Thing }\n");
        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Sources.Single(s => s.Key.EndsWith(".Thing.Operations.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("Thing> FindAsync(global::CbTyped.Modeling.ICbModelSession client, string name, global::System.Threading.CancellationToken cancellationToken = default)", source, System.StringComparison.Ordinal);
        Assert.Contains("public static async global::System.Threading.Tasks.Task<global::", source, System.StringComparison.Ordinal);
        Assert.Contains("\"name\" => name,", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_field_the_model_does_not_have_is_CBT0021_at_the_field()
    {
        var d = Single("  enable: { route: \"POST /x/{id}\", body: { fields: [nam] } }\n");
        Assert.Equal(("CBT0021", 9, 53), (d.Id, d.Line, d.Column));
        Assert.Contains("did you mean 'name'?", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_model_no_spec_declares_is_CBT0022_with_the_nearest_model()
    {
        var d = Single("  others: { route: \"GET /x/{id}/others\", response: \"list<Thang>\" }\n");
        Assert.Equal(("CBT0022", 9), (d.Id, d.Line));
        Assert.Contains("'Thang'", d.Message, System.StringComparison.Ordinal);
        Assert.Contains("did you mean 'Thing'?", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_model_of_another_spec_resolves_to_its_full_name()
    {
        var run = GeneratorHarness.Run([
            (Path, Head + "  members: { route: \"GET /x/{id}/members\", response: \"list<Member>\" }\n"),
            ("specs/Member.model.yaml", "model: Member\nnamespace: Other.Ns\nkey: { fields: [id] }\nfields:\n  id: int\n"),
        ]);
        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Sources.Single(s => s.Key.EndsWith(".Thing.Operations.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("ReadList<global::Other.Ns.Member>(__session, __answer, __route.Method, __path)", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_inverted_version_range_on_an_operation_is_CBT0023()
    {
        var d = Single("  old: { route: \"GET /x/{id}/old\", minServerVersion: \"6.0\", maxServerVersion: \"5.1\" }\n");
        Assert.Equal(("CBT0023", 9, 54), (d.Id, d.Line, d.Column));
        Assert.Contains("minServerVersion \"6.0\" is above maxServerVersion \"5.1\"", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_inverted_version_range_on_a_route_variant_is_CBT0023()
    {
        var spec = "model: Thing\nkey: { fields: [id] }\nroutes:\n  get:\n    - { route: \"GET /x/{id}\", minServerVersion: \"6.0.1\", maxServerVersion: \"6.0\" }\nfields:\n  id: int\n";
        var run = GeneratorHarness.RunOne(Path, spec);
        Assert.Equal([("CBT0023", Path, 5, 49)], run.DiagnosticPositions);
    }

    [Fact]
    public void Equal_version_bounds_are_one_version_not_an_inverted_range()
    {
        var run = GeneratorHarness.RunOne(Path, Head + "  old: { route: \"GET /x/{id}/old\", minServerVersion: \"6\", maxServerVersion: \"6.0\" }\n");
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void An_operation_named_like_a_field_property_is_a_name_clash()
    {
        // 'name' → Name(), the synchronous twin, clashes with the property Name.
        var d = Single("  name: { route: \"POST /x/{id}/name\" }\n");
        Assert.Equal(("CBT0010", 9, 3), (d.Id, d.Line, d.Column));
        Assert.Contains("field 'name'", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_named_like_a_base_member_is_a_name_clash()
    {
        var d = Single("  ensure_full: { route: \"POST /x/{id}/full\" }\n");
        Assert.Equal(("CBT0010", 9, 3), (d.Id, d.Line, d.Column));
        Assert.Contains("EnsureFullAsync", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_parameters_with_one_csharp_name_clash()
    {
        var d = Single("  go: { route: \"POST /x/{id}/go\", parameters: { full_sync: bool, fullSync: bool } }\n");
        Assert.Equal("CBT0010", d.Id);
        Assert.Contains("'fullSync'", d.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  a: { route: \"GET /x/{id}/a\", body: model }\n", "a GET request carries no body")]
    [InlineData("  a: { scope: collection, route: \"POST /x/all\", response: refresh }\n", "a collection operation has no instance to refresh or load")]
    [InlineData("  a: { scope: collection, route: \"POST /x/all\", body: changes }\n", "a collection operation has no instance whose fields it could send")]
    [InlineData("  a: { route: \"POST /x/{id}/a\", body: model, parameters: { why: { in: body } } }\n", "parameter 'why' goes in the body, but the body is not a parameter object")]
    [InlineData("  a: { route: \"POST /x/{id}/a\", body: { kind: model, set: { x: 1 } } }\n", "'set:' constants need an object body")]
    [InlineData("  a: { route: \"POST /x/{id}/a\", parameters: { kind: { in: path } } }\n", "parameter 'kind' is in: path, but a route variant has no {kind}")]
    [InlineData("  a: { route: creat }\n", "'route: creat' names no route under 'routes:'")]
    [InlineData("  a: { route: \"POST /x/{id}/a\", parameters: { id2: { in: path, optional: true } } }\n", "path parameter 'id2' cannot be optional")]
    public void Parts_that_do_not_fit_are_CBT0024_with_the_reason(string operation, string reason)
    {
        var run = GeneratorHarness.RunOne(Path, Head + operation);
        var d = run.GeneratorDiagnostics.First(x => x.Id == "CBT0024");
        Assert.Equal(9, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(reason, d.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_needs_the_models_get_route()
    {
        var spec = "model: Thing\nkey: { fields: [id] }\nfields:\n  id: int\noperations:\n  touch: { route: \"POST /x/{id}/touch\", response: refresh }\n";
        var run = GeneratorHarness.RunOne(Path, spec);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CBT0024", Path, 6, 51), run.DiagnosticPositions[0]);
        Assert.Contains("response: refresh needs the model's 'get' route", d.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_operation_key_suggests_the_nearest()
    {
        var d = Single("  a: { route: \"POST /x/{id}/a\", respons: none }\n");
        Assert.Equal(("CBT0003", 9, 33), (d.Id, d.Line, d.Column));
        Assert.Contains("Did you mean 'response'?", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_response_kind_lists_the_valid_ones()
    {
        var d = Single("  a: { route: \"POST /x/{id}/a\", response: \"list<\" }\n");
        Assert.Equal(("CBT0006", 9, 43), (d.Id, d.Line, d.Column));
        Assert.Contains("map<Model>", d.Message, System.StringComparison.Ordinal);
    }
}
