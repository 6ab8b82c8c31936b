using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary><c>routes.getFrom: list</c>: a get by key that filters the list, and the specs that cannot say it.</summary>
public class GetFromListTests
{
    private static string Spec(string routes, string key = "key: { fields: [id] }\n", string query = "query: { kind: clientList }\n") =>
        "model: Case\nnamespace: Cases\n" + key + query + "routes:\n" + routes + "fields: { id: int, name: string }\n";

    [Fact]
    public void The_model_info_says_a_get_filters_the_list()
    {
        var run = GeneratorHarness.RunOne("/s/Case.model.yaml", Spec("  list: GET /api/cases\n  getFrom: list\n"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("getFromList: true", run.Sources["Cases.Case.ModelInfo.g.cs"]);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("  list: GET /api/cases\n  get: GET /api/cases/{id}\n  getFrom: list\n", "key: { fields: [id] }\n", "query: { kind: clientList }\n", "get route")]
    [InlineData("  getFrom: list\n", "key: { fields: [id] }\n", "", "list route")]
    [InlineData("  list: GET /api/cases\n  getFrom: list\n", "key: { fields: [id, name] }\n", "query: { kind: clientList }\n", "one field")]
    [InlineData("  list: GET /api/cases\n  getFrom: list\n", "key: { fields: [id] }\n", "query: { kind: search }\n", "clientList")]
    public void A_spec_that_cannot_filter_its_list_by_key_is_CBT0006_at_getFrom(string routes, string key, string query, string fix)
    {
        var run = GeneratorHarness.RunOne("/s/Case.model.yaml", Spec(routes, key, query));
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CBT0006");
        Assert.Contains(fix, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        int line = error.Location.GetLineSpan().StartLinePosition.Line;
        Assert.StartsWith("  getFrom", Spec(routes, key, query).Split('\n')[line], System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_getFrom_value_is_CBT0006()
    {
        var run = GeneratorHarness.RunOne("/s/Case.model.yaml", Spec("  list: GET /api/cases\n  getFrom: lists\n"));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CBT0006");
    }
}
