using System.Globalization;
using Xunit;
using static CbTyped.Analyzers.Tests.AnalyzerHarness;

namespace CbTyped.Analyzers.Tests;

/// <summary>
/// A consumer's own spec model, generated in the same compilation, is checked against its own fields (declared,
/// <c>search:</c> renames, <c>searchFields:</c>), not against a built-in model's.
/// </summary>
public sealed class ConsumerModelTests
{
    private const string TicketSpec = """
        model: Ticket
        namespace: Consumer
        query: { kind: search }
        routes: { list: GET /api/v1/ticket }
        fields:
          id: int
          title: { type: string, sortable: true }
          opened: datetime
          owner_name: { type: string, search: owner }
          notes: { type: string, search: false }
        searchFields:
          tag: { type: string, doc: A tag on the ticket. }
        """;

    private static readonly (string, string)[] Specs = [("specs/Ticket.model.yaml", TicketSpec)];

    private static string UsingTicket(string statements) =>
        "using CbTyped;\nusing Consumer;\npublic static class Use\n{\n    public static void Run(CbResponseClient cb)\n    {\n"
        + statements + "\n    }\n}\n";

    [Fact]
    public async Task Misspelt_field_of_a_consumer_model_gets_the_nearest_of_its_fields()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(UsingTicket("cb.Select<Ticket>().Where(\"titel:x\");"), Specs));
        Assert.Equal("CBT0101", diagnostic.Id);
        Assert.Equal("titel", Marked(diagnostic));
        Assert.Equal("'titel' is not a search field of Ticket (did you mean 'title'?); the server reads 'titel:...' as a bare term",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_built_in_models_field_is_unknown_on_a_consumer_model()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(UsingTicket("cb.Select<Ticket>().Where(\"process_name:x\");"), Specs));
        Assert.Equal("CBT0101", diagnostic.Id);
        Assert.Equal("process_name", Marked(diagnostic));
    }

    [Fact]
    public async Task Its_typed_unsearchable_and_renamed_fields_are_its_own()
    {
        var diagnostics = await AnalyzeAsync(UsingTicket(
            "cb.Select<Ticket>().Where(\"opened:someday\");\n"
            + "cb.Select<Ticket>().Where(\"notes:x\");\n"
            + "cb.Select<Ticket>().Where(\"owner_name:bob\");"), Specs);
        Assert.Equal(
            [("CBT0103", "someday"), ("CBT0102", "notes"), ("CBT0101", "owner_name")],
            diagnostics.Select(d => (d.Id, Marked(d))).ToList());
        Assert.Equal("owner", diagnostics[2].Properties["Suggestion"]);
    }

    [Fact]
    public async Task Valid_queries_on_a_consumer_model_report_nothing()
    {
        Assert.Empty(await AnalyzeAsync(UsingTicket(
            "cb.Select<Ticket>().Where(\"title:printer AND owner:bob tag:urgent opened:[2024-01-01 TO *] id:12\");"), Specs));
    }
}
