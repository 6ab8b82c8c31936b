using System.Globalization;
using Xunit;
using static CbTyped.Analyzers.Tests.AnalyzerHarness;

namespace CbTyped.Analyzers.Tests;

/// <summary>Sort texts passed to <c>Sort(...)</c>: fields that cannot be sorted on (CBT0106) and bad directions (CBT0107).</summary>
public sealed class SortRuleTests
{
    [Fact]
    public async Task A_field_that_is_not_sortable_is_CBT0106_on_the_field()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Process>().Sort(\"hostname desc\");")));
        Assert.Equal("CBT0106", diagnostic.Id);
        Assert.Equal("hostname", Marked(diagnostic));
        Assert.Equal("'hostname' cannot be sorted on: it is not a sortable field of Process", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.False(diagnostic.Properties.ContainsKey("Suggestion"));
    }

    [Fact]
    public async Task A_misspelt_sort_field_is_CBT0106_with_the_nearest_sortable_field()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Process>().Sort(\"strat asc\");")));
        Assert.Equal("CBT0106", diagnostic.Id);
        Assert.Equal("strat", Marked(diagnostic));
        Assert.Equal("'strat' cannot be sorted on: Process has no such field (did you mean 'start'?)", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("start", diagnostic.Properties["Suggestion"]);
    }

    [Fact]
    public async Task A_direction_other_than_asc_or_desc_is_CBT0107_on_the_whole_key()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Process>().Sort(\"start asc, last_update descending\");")));
        Assert.Equal("CBT0107", diagnostic.Id);
        Assert.Equal("last_update descending", Marked(diagnostic));
        Assert.Equal("Sort 'last_update descending' must read 'field', 'field asc' or 'field desc'; the server answers 400 (query_malformed_syntax)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Each_key_of_a_multi_key_sort_is_checked()
    {
        var marked = (await AnalyzeAsync(InMethod("cb.Select<Process>().Sort(\"start desc, path asc,process_nme\");")))
            .Select(d => (d.Id, Marked(d))).ToList();
        Assert.Equal([("CBT0106", "path"), ("CBT0106", "process_nme")], marked);
    }

    [Fact]
    public async Task Sortable_fields_typed_sort_text_families_and_unsearched_sortable_fields_report_nothing()
    {
        var source = InMethod(
            "cb.Select<Process>().Sort(\"start desc\");\n"
            + "cb.Select<Process>().Sort(\"process_name\");\n"
            + "cb.Select<Process>().Sort(\"last_update ASC, start desc\");\n"
            + "cb.Select<Process>().Sort(\"\");\n"
            + "cb.Select<Process>().Sort(Process.Fields.Start.Descending);\n"
            + "cb.Select<Process>().Sort($\"{name} desc\");\n"
            + "cb.Select<ThreatReport>().Sort(\"severity_score desc\");\n"
            + "cb.Select<Process>().Sort(\"watchlist_12 desc\");");
        Assert.Empty(await AnalyzeAsync(source));
    }
}
