using CbTyped.Emulator.Query.Analysis;

namespace CbTyped.Emulator.Tests.Query;

/// <summary>Glob matching: a <c>*</c> in the pattern stays a wildcard where the text holds a <c>*</c> too.</summary>
public sealed class WildcardTests
{
    [Theory]
    [InlineData("**?:*", "**:*", true)]
    [InlineData("a*b", "a*b", true)]
    [InlineData("a*b", "axxb", true)]
    [InlineData("*x", "**x", true)]
    [InlineData("ne?.exe", "net.exe", true)]
    [InlineData("ne?.exe", "ne.exe", false)]
    [InlineData("a*", "b", false)]
    public void Matches(string pattern, string text, bool expected) => Assert.Equal(expected, Wildcard.IsMatch(pattern, text));
}
