using System.Globalization;
using Xunit;
using static CbTyped.Analyzers.Tests.AnalyzerHarness;

namespace CbTyped.Analyzers.Tests;

/// <summary>Each rule: the diagnostic's id, the exact characters it marks inside the literal, and its message.</summary>
public sealed class QueryRuleTests
{
    [Fact]
    public async Task Misspelt_field_is_CBT0101_on_the_name_with_the_nearest_field()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Process>().Where(\"proces_name:net.exe\");")));
        Assert.Equal("CBT0101", diagnostic.Id);
        Assert.Equal("proces_name", Marked(diagnostic));
        Assert.Equal("'proces_name' is not a search field of Process (did you mean 'process_name'?); the server reads 'proces_name:...' as a bare term", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("process_name", diagnostic.Properties["Suggestion"]);
    }

    [Fact]
    public async Task Spans_map_through_escapes_verbatim_and_raw_strings()
    {
        var source = InMethod(
            "cb.Select<Process>().Where(\"cmdline:\\\\\\\\x hostnme:a\");\n"
            + "cb.Select<Process>().Where(@\"path:c:\\\"\"x\"\" usernme:a\");\n"
            + "cb.Select<Process>().Where(\"\"\"path:\"c\" grop:a\"\"\");\n"
            + "cb.Select<Process>().And($\"process_name:{name} parnt_name:b\");\n"
            + "cb.Select<Process>().Or(\"\\u0070roces_name:x\");");
        var marked = (await AnalyzeAsync(source)).Select(d => (d.Id, Marked(d))).ToList();
        Assert.Equal(
            [("CBT0101", "hostnme"), ("CBT0101", "usernme"), ("CBT0101", "grop"), ("CBT0101", "parnt_name"), ("CBT0101", "\\u0070roces_name")],
            marked);
    }

    [Fact]
    public async Task Field_that_is_not_searched_is_CBT0102()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Process>().Where(\"segment_id:5\");")));
        Assert.Equal("CBT0102", diagnostic.Id);
        Assert.Equal("segment_id", Marked(diagnostic));
        Assert.Equal("'segment_id' is a field of Process that the server does not search", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("process_name:(a OR b", "", "unbalanced '('")]
    [InlineData("process_name:\\\"a", "\\\"a", "unterminated quote")]
    [InlineData("start:[2013-12-01 TO]", "[2013-12-01 TO]", "a range must read [low TO high]")]
    [InlineData("process_name:a AND", "", "AND without a clause after it")]
    public async Task Malformed_query_is_CBT0100_at_the_problem(string query, string marked, string problem)
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Process>().Where(\"" + query + "\");")));
        Assert.Equal("CBT0100", diagnostic.Id);
        Assert.Equal(marked, Marked(diagnostic));
        Assert.Equal("Query syntax: " + problem + "; the server answers 400 (query_malformed_syntax)", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("start:2013-13-45", "2013-13-45", "'2013-13-45' is not a valid date for field 'start'")]
    [InlineData("childproc_count:many", "many", "'many' is not a valid number for field 'childproc_count'")]
    [InlineData("ipaddr:300.1.1.1", "300.1.1.1", "'300.1.1.1' is not a valid IPv4 address or CIDR block for field 'ipaddr'")]
    [InlineData("start:[2013-12-01 TO soon]", "soon", "'soon' is not a valid date for field 'start'")]
    public async Task Malformed_typed_value_is_CBT0103_on_the_value(string query, string marked, string message)
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Process>().Where(\"" + query + "\");")));
        Assert.Equal("CBT0103", diagnostic.Id);
        Assert.Equal(marked, Marked(diagnostic));
        Assert.Equal(message + "; the server answers 400 (query_malformed_syntax)", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Wildcard_in_a_number_field_is_CBT0104()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Process>().Where(\"netconn_count:1*\");")));
        Assert.Equal("CBT0104", diagnostic.Id);
        Assert.Equal("1*", Marked(diagnostic));
        Assert.Equal("Field 'netconn_count' holds number values, which take no wildcards ('1*')", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Unescaped_parenthesis_in_a_value_is_CBT0105_saying_what_the_server_reads()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(InMethod("cb.Select<Binary>().Where(\"observed_filename:setup(x86).exe\");")));
        Assert.Equal("CBT0105", diagnostic.Id);
        Assert.Equal("setup", Marked(diagnostic));
        Assert.Equal("The value 'setup' ends at an unescaped '(': the server reads 'setup' and then a group; write '\\(' and '\\)' to search for 'setup(x86)'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Valid_queries_typed_values_and_non_search_models_report_nothing()
    {
        var source = InMethod(
            "cb.Select<Process>().Where(\"process_name:net.exe -hostname:a* start:[2013-12-01 TO *] start:-2h\");\n"
            + "cb.Select<Process>().Where(@\"path:c:\\windows\\* cmdline:\\\\test\\blah ipaddr:192.168.0.0/16 watchlist_12:*\");\n"
            + "cb.Select<Process>().Where(\"digsig_result_modload:Unsigned c:\\\\program\\\\ files\");\n"
            + "cb.Select<Process>().Where(Process.Fields.ProcessName.Is(\"proces_name:x\"));\n"
            + "cb.Select<Binary>().Where(\"is_64bit:true digsig_result:Signed\");\n"
            + "cb.Select<Process>().Where($\"{name}:x\");\n"
            + "cb.Select<Sensor>().Where(\"hostnam:x\");");
        Assert.Empty(await AnalyzeAsync(source));
    }
}
