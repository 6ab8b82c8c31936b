using CbTyped.Emulator.Query.Analysis;
using Xunit;

namespace CbTyped.Emulator.Tests.Query;

/// <summary>The tokenisers, checked directly against the query language's documented examples (docs/query-language.md).</summary>
public sealed class AnalyzerTests
{
    [Fact]
    public void PathYieldsEverySuffixSubPath()
    {
        var terms = new List<string>();
        PathAnalyzer.Suffixes(@"C:\Windows\System32\boot\winload.exe", terms, (list, t) => list.Add(t));
        Assert.Equal(
            [@"c:\windows\system32\boot\winload.exe", @"windows\system32\boot\winload.exe", @"system32\boot\winload.exe",
             @"boot\winload.exe", "winload.exe"],
            terms);
    }

    [Fact]
    public void CmdlineEnhancedTokens()
    {
        Assert.Equal(["c:", "windows", "microsoft.net", "framework", "v4.0.30319", "csc.exe", "/noconfig", "/fullpaths"],
            CmdlineAnalyzer.Tokenize(@"C:\Windows\Microsoft.NET\Framework\v4.0.30319\csc.exe /noconfig /fullpaths"));
        Assert.Equal(["net", "use", "y:", "test", "blah"], CmdlineAnalyzer.Tokenize(@"net  use y: \\test\blah"));
        Assert.Equal(["usr", "bin", "python3", "-c", "print", "1"], CmdlineAnalyzer.Tokenize("/usr/bin/python3 -c print(1)"));
        Assert.Equal(".exe", CmdlineAnalyzer.DotSuffix("csc.exe"));
        Assert.Equal(".net", CmdlineAnalyzer.DotSuffix("microsoft.net"));
        Assert.Equal(".30319", CmdlineAnalyzer.DotSuffix("v4.0.30319"));
        Assert.Null(CmdlineAnalyzer.DotSuffix("trailing."));
    }

    [Theory]
    [InlineData("com", true, true)]
    [InlineData(".com", true, false)]
    [InlineData(".com.", false, true)]
    [InlineData("com.", false, false)]
    [InlineData("foo.", true, true)]
    [InlineData("foo.com", true, false)]
    public void DomainAnchorsMatchTheReferenceTable(string query, bool fooCom, bool fooComAu)
    {
        Assert.Equal(fooCom, Terms("foo.com").Contains(query));
        Assert.Equal(fooComAu, Terms("foo.com.au").Contains(query));

        static List<string> Terms(string domain)
        {
            var terms = new List<string>();
            DomainAnalyzer.Terms(domain, terms, (list, t) => list.Add(t));
            return terms;
        }
    }

    [Theory]
    [InlineData("ms*.exe", "msiexec.exe", true)]
    [InlineData("ms*.exe", "msiexec.dll", false)]
    [InlineData("*chost*", "svchost.exe", true)]
    [InlineData("s?chost.exe", "svchost.exe", true)]
    [InlineData("s?chost.exe", "schost.exe", false)]
    public void WildcardMatching(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Wildcard.IsMatch(pattern, text));
}
