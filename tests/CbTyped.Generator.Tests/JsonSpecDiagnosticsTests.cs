using System;
using System.Globalization;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// The bad-spec diagnostics of the operations, query and routes sections, written as a JSON spec: each has its CBT id
/// at the offending JSON token's line and column (1-based) and the fix in its message, as in YAML.
/// </summary>
public class JsonSpecDiagnosticsTests
{
    private const string Path = "specs/Thing.model.json";

    // The query is line 5, the route under test line 7, the operation under test line 10.
    private static string Spec(string routes, string query, string operations) =>
        "{\n" +
        "  \"model\": \"Thing\",\n" +
        "  \"key\": { \"fields\": [\"id\"] },\n" +
        "  \"fields\": { \"id\": \"int\", \"name\": \"string\" },\n" +
        "  " + query + "\n" +
        "  \"routes\": {\n" +
        "    \"list\": \"GET /x\", " + routes + "\n" +
        "  },\n" +
        "  \"operations\": {\n" +
        "    " + operations + "\n" +
        "  }\n" +
        "}\n";

    private const string GoodRoutes = "\"get\": \"GET /x/{id}\"";
    private const string GoodQuery = "\"query\": { \"kind\": \"clientList\" },";
    private const string GoodOperation = "\"touch\": { \"route\": \"POST /x/{id}/touch\" }";

    private static string WithOperation(string operation) => Spec(GoodRoutes, GoodQuery, operation);

    /// <summary>Runs one JSON spec that must give exactly one diagnostic, and checks it sits on <paramref name="token"/>.</summary>
    private static string SingleAt(string spec, string id, int line, string token)
    {
        var run = GeneratorHarness.RunOne(Path, spec);
        Assert.Null(run.Exception);
        var d = Assert.Single(run.GeneratorDiagnostics);
        var span = d.Location.GetLineSpan();
        var specLine = spec.Split('\n')[line - 1];
        var column = specLine.IndexOf(token, StringComparison.Ordinal) + 1;
        Assert.True(column > 0, $"'{token}' is not on line {line}: {specLine}");
        Assert.Equal((id, Path, line, column), (d.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.DoesNotContain(run.Sources.Keys, k => k.Contains(".Thing.", StringComparison.Ordinal)); // a model with errors is not emitted
        return d.GetMessage(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void The_unchanged_spec_is_valid()
    {
        var run = GeneratorHarness.RunOne(Path, Spec(GoodRoutes, GoodQuery, GoodOperation));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources.Keys, k => k.EndsWith(".Thing.Operations.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_operation_placeholder_is_CBT0020_at_the_route()
    {
        var message = SingleAt(WithOperation("\"mount\": { \"route\": \"POST /x/{idd}/mount\" }"), "CBT0020", 10, "\"POST /x/{idd}/mount\"");
        Assert.Contains("'{idd}'", message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'id'?", message, StringComparison.Ordinal);
        Assert.Contains("parameters:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_field_that_does_not_exist_is_CBT0021_at_the_field()
    {
        var message = SingleAt(WithOperation("\"enable\": { \"route\": \"POST /x/{id}\", \"body\": { \"fields\": [\"nam\"] } }"), "CBT0021", 10, "\"nam\"");
        Assert.Contains("'nam'", message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'name'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_model_not_found_is_CBT0022_at_the_response()
    {
        var message = SingleAt(WithOperation("\"others\": { \"route\": \"GET /x/{id}/others\", \"response\": \"list<Thang>\" }"), "CBT0022", 10, "\"list<Thang>\"");
        Assert.Contains("'Thang'", message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Thing'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inverted_version_range_on_an_operation_is_CBT0023_at_the_minimum()
    {
        var message = SingleAt(
            WithOperation("\"old\": { \"route\": \"GET /x/{id}/old\", \"minServerVersion\": \"6.0\", \"maxServerVersion\": \"5.1\" }"),
            "CBT0023", 10, "\"6.0\"");
        Assert.Contains("minServerVersion \"6.0\" is above maxServerVersion \"5.1\"", message, StringComparison.Ordinal);
        Assert.Contains("Swap the bounds", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inverted_version_range_on_a_route_variant_is_CBT0023_at_the_minimum()
    {
        var routes = "\"get\": [ { \"route\": \"GET /x/{id}\", \"minServerVersion\": \"6.0.1\", \"maxServerVersion\": \"6.0\" } ]";
        var message = SingleAt(Spec(routes, GoodQuery, GoodOperation), "CBT0023", 7, "\"6.0.1\"");
        Assert.Contains("minServerVersion \"6.0.1\" is above maxServerVersion \"6.0\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_named_like_a_field_property_is_CBT0010_at_its_name()
    {
        // 'name' → Name(), the synchronous twin, clashes with the property Name.
        var message = SingleAt(WithOperation("\"name\": { \"route\": \"POST /x/{id}/name\" }"), "CBT0010", 10, "\"name\"");
        Assert.Contains("field 'name'", message, StringComparison.Ordinal);
        Assert.Contains("'name:'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_named_like_a_base_member_is_CBT0010_at_its_name()
    {
        var message = SingleAt(WithOperation("\"ensure_full\": { \"route\": \"POST /x/{id}/full\" }"), "CBT0010", 10, "\"ensure_full\"");
        Assert.Contains("EnsureFullAsync", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operations_csharp_name_that_clashes_is_CBT0010_at_its_name()
    {
        var message = SingleAt(WithOperation("\"touch\": { \"name\": \"IsDirty\", \"route\": \"POST /x/{id}/touch\" }"), "CBT0010", 10, "\"touch\"");
        Assert.Contains("'IsDirty'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_placeholder_that_is_not_a_field_is_CBT0013_at_the_route()
    {
        var message = SingleAt(Spec("\"get\": \"GET /x/{idd}\"", GoodQuery, GoodOperation), "CBT0013", 7, "\"GET /x/{idd}\"");
        Assert.Contains("did you mean 'id'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_with_an_unknown_method_is_CBT0016_at_the_route()
    {
        var message = SingleAt(Spec("\"get\": \"FETCH /x/{id}\"", GoodQuery, GoodOperation), "CBT0016", 7, "\"FETCH /x/{id}\"");
        Assert.Contains("'METHOD /path/{field}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_kind_without_its_route_is_CBT0018_at_the_query()
    {
        var spec = Spec("\"delete\": \"DELETE /x/{id}\"", "\"query\": { \"kind\": \"singleton\" },", "\"touch\": { \"route\": \"POST /x/touch\" }");
        var message = SingleAt(spec, "CBT0018", 5, "{ \"kind\"");
        Assert.Contains("'routes: { get: GET /api/... }'", message, StringComparison.Ordinal);
    }
}
