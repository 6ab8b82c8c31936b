using CbTyped.QueryLanguage;

namespace CbTyped.Emulator.Tests.Query;

/// <summary>
/// The query language's escapes (docs/query-language.md): a backslash escapes whitespace and <c>( ) " : [ ] { }</c>
/// (and a leading <c>- + !</c>), a run of backslashes before those or at the end is halved, every other backslash
/// is literal, and a phrase's wildcards are literal.
/// </summary>
public sealed class EscapeRuleTests
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "path", "cmdline", "process_name", "username" };

    private static QueryValue ValueOf(string query) =>
        Assert.IsType<ClauseNode>(CbQueryParser.Parse(query, Fields.Contains)).Value;

    [Theory]
    [InlineData(@"path:c:\windows\*", @"c:\windows\*")]
    [InlineData(@"cmdline:\\test\blah", @"\\test\blah")]
    [InlineData(@"path:c:\program\ files\ \(x86\)\windows", @"c:\program files (x86)\windows")]
    [InlineData(@"username:a\\", @"a\")]
    [InlineData(@"username:a\", @"a\")]
    [InlineData(@"username:a\\\ b", @"a\ b")]
    [InlineData(@"username:a\\\:b", @"a\:b")]
    [InlineData(@"username:a\-b", @"a\-b")]
    [InlineData(@"username:\-b", "-b")]
    [InlineData(@"username:\\-b", @"\-b")]
    [InlineData(@"username:\!b", "!b")]
    [InlineData(@"username:\[a", "[a")]
    [InlineData(@"username:a\{b\}", "a{b}")]
    [InlineData(@"username:ne?.exe", "ne?.exe")]
    public void Terms_unescape_only_the_special_characters(string query, string expected)
    {
        var term = Assert.IsType<TermValue>(ValueOf(query));
        Assert.Equal(expected, term.Text);
    }

    [Theory]
    [InlineData(@"username:""a b\\""", @"a b\")]
    [InlineData(@"username:""say \""hi\""""", @"say ""hi""")]
    [InlineData(@"username:""ne?.exe""", "ne?.exe")]
    [InlineData(@"username:""c:\x\\\""y""", @"c:\x\""y")]
    [InlineData(@"cmdline:""\""c:\program files \(x86\)\google\update\googleupdate.exe\"" /svc""", @"""c:\program files (x86)\google\update\googleupdate.exe"" /svc")]
    public void Phrases_unescape_quotes_and_backslash_runs(string query, string expected)
    {
        var phrase = Assert.IsType<PhraseValue>(ValueOf(query));
        Assert.Equal(expected, phrase.Text);
    }

    [Fact]
    public void A_doubled_backslash_before_whitespace_ends_the_term()
    {
        var and = Assert.IsType<AndNode>(CbQueryParser.Parse(@"username:a\\ process_name:b", Fields.Contains));
        Assert.Equal(@"a\", Assert.IsType<TermValue>(Assert.IsType<ClauseNode>(and.Children[0]).Value).Text);
        Assert.Equal("b", Assert.IsType<TermValue>(Assert.IsType<ClauseNode>(and.Children[1]).Value).Text);
    }

    [Fact]
    public void A_doubled_backslash_before_a_parenthesis_closes_the_group()
    {
        var or = Assert.IsType<OrNode>(CbQueryParser.Parse(@"(username:a\\ OR username:b\\)", Fields.Contains));
        Assert.Equal([@"a\", @"b\"], or.Children.Select(c => Assert.IsType<TermValue>(Assert.IsType<ClauseNode>(c).Value).Text));
    }

    [Fact]
    public void An_escaped_leading_dash_is_not_a_negation()
    {
        var clause = Assert.IsType<ClauseNode>(CbQueryParser.Parse(@"\-system.exe", Fields.Contains));
        Assert.Equal("-system.exe", Assert.IsType<TermValue>(clause.Value).Text);
        Assert.IsType<NotNode>(CbQueryParser.Parse("-system.exe", Fields.Contains));
    }

    [Fact]
    public void A_phrase_ending_in_a_single_backslash_escapes_its_closing_quote()
    {
        Assert.ThrowsAny<Exception>(() => CbQueryParser.Parse(@"username:""a\""", Fields.Contains));
    }
}
