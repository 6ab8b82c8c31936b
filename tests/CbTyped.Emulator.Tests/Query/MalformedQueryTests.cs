using CbTyped.Emulator.Search;
using Xunit;

namespace CbTyped.Emulator.Tests.Query;

/// <summary>Malformed queries, bad typed values and bad sorts are SearchSyntaxException (the server's 400).</summary>
public sealed class MalformedQueryTests
{
    public static TheoryData<string, string> Malformed => new()
    {
        { "process", "(process_name:net.exe" },
        { "process", "process_name:net.exe)" },
        { "process", @"c:\program files (x86\windows" },
        { "process", "cmdline:\"unterminated" },
        { "process", "start:[2016-01-01 TO" },
        { "process", "start:[2016-01-01 2017-01-01]" },
        { "process", "process_name:" },
        { "process", "process_name: net.exe" },
        { "process", "AND process_name:net.exe" },
        { "process", "process_name:net.exe AND" },
        { "process", "process_name:net.exe OR" },
        { "process", "process_name:net.exe AND OR hostname:x" },
        { "process", "()" },
        { "process", "-" },
        { "process", "NOT" },
        { "process", "[1 TO 2]" },
        { "process", "start:notadate" },
        { "process", "start:[2016-13-45 TO *]" },
        { "process", "ipaddr:300.1.1.1/8" },
        { "process", "ipaddr:10.0.0.0/33" },
        { "process", "childproc_count:many" },
        { "process", "childproc_count:[1 TO lots]" },
        { "binary", "is_executable_image:maybe" },
        { "alert", "alert_severity:high" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedQueryIsASyntaxError(string kind, string query)
    {
        var error = Assert.Throws<SearchSyntaxException>(() => QueryFixture.Index(kind).Search(QueryFixture.Request(query)));
        Assert.StartsWith("query_malformed_syntax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedClauseIsASyntaxError() =>
        Assert.Throws<SearchSyntaxException>(() =>
            QueryFixture.Processes.Search(QueryFixture.Request("", clauses: [("start", "[2016 TO")])));

    [Theory]
    [InlineData("no_such_field asc")]
    [InlineData("start sideways")]
    [InlineData("start asc desc")]
    public void BadSortIsASyntaxError(string sort) =>
        Assert.Throws<SearchSyntaxException>(() => QueryFixture.Processes.Search(QueryFixture.Request("", sort: sort)));

    [Fact]
    public void AnUnknownFieldNameIsPartOfABareTermNotAnError()
    {
        // Like "c:\windows": a name that is not a field makes the colon part of the term (default fields).
        var result = QueryFixture.Processes.Search(QueryFixture.Request("nosuchfield:net.exe"));
        Assert.Equal(0, result.TotalResults);
    }
}
