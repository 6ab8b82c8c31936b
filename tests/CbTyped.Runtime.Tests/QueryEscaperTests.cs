using CbTyped.Modeling;

namespace CbTyped.Runtime.Tests;

/// <summary>The query text <see cref="CbQueryEscaper"/> writes (the rules are in docs/query-language.md).</summary>
public sealed class QueryEscaperTests
{
    [Theory]
    [InlineData("ne?.exe", "\"ne?.exe\"")]
    [InlineData("a*b", "\"a*b\"")]
    [InlineData("[a", "\\[a")]
    [InlineData("{a}", "\\{a\\}")]
    [InlineData("setup(x86).exe", "setup\\(x86\\).exe")]
    [InlineData("-system.exe", "\\-system.exe")]
    [InlineData("!x", "\\!x")]
    [InlineData(@"\-x", @"\\-x")]
    [InlineData(@"c:\windows\net.exe", @"c:\windows\net.exe")]
    [InlineData(@"\\test\blah", @"\\test\blah")]
    [InlineData(@"ends\", @"ends\\")]
    [InlineData(@"a\(b", @"a\\\(b")]
    [InlineData(@"a\:b", @"a\\:b")]
    [InlineData(@"two words\", @"""two words\\""")]
    [InlineData(@"say ""hi"" now", @"""say \""hi\"" now""")]
    [InlineData(@"x\""y z", @"""x\\\""y z""")]
    [InlineData("AND", "\"AND\"")]
    [InlineData("or", "\"or\"")]
    [InlineData("&&", "\"&&\"")]
    [InlineData("", "\"\"")]
    public void Escape(string value, string expected) => Assert.Equal(expected, CbQueryEscaper.Escape(value));

    [Theory]
    [InlineData(@"c:\program files\*", @"c:\program\ files\*")]
    [InlineData(@"c:\program files (x86)\*", @"c:\program\ files\ \(x86\)\*")]
    [InlineData("ne?.exe", "ne?.exe")]
    [InlineData("-x*", "\\-x*")]
    [InlineData("tab\there*", "tab\\\there*")]
    [InlineData(@"dir\ *", @"dir\\\ *")]
    [InlineData("NOT", "\"NOT\"")]
    public void EscapePattern(string pattern, string expected) => Assert.Equal(expected, CbQueryEscaper.EscapePattern(pattern));

    [Fact]
    public void APrefixKeepsItsSpacesAndRefusesWildcardCharacters()
    {
        Assert.Equal(@"program\ fi*", CbQueryEscaper.EscapePrefix("program fi"));
        var error = Assert.Throws<ArgumentException>(() => CbQueryEscaper.EscapePrefix("a?b"));
        Assert.Contains("'?'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClauseEndingInAnEscapedSpaceKeepsItWhenCombined()
    {
        var field = new CbStringSearchField("path");
        Assert.Equal(@"path:a\  OR path:b\\", (field.Like("a ") | field.Is(@"b\")).ToString());
    }
}
