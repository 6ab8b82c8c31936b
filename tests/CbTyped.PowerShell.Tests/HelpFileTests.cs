using System.Xml.Linq;

namespace CbTyped.PowerShell.Tests;

/// <summary>
/// The checked-in MAML help (powershell/CbTyped.PowerShell/en-US/CbTyped.PowerShell.dll-Help.xml) is what the cmdlets'
/// attributes and doc comments say. After changing a cmdlet, regenerate it:
/// <c>CBTYPED_UPDATE_HELP=1 dotnet test tests/CbTyped.PowerShell.Tests --filter HelpFileTests</c>.
/// </summary>
public sealed class HelpFileTests
{
    [Fact]
    public void TheHelpFileMatchesTheCmdletsAndTheirDocComments()
    {
        var module = typeof(CbConnection).Assembly;
        var docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "CbTyped.PowerShell.xml"));
        var expected = MamlHelpWriter.Write(module, docs);
        var file = Path.Combine(PwshTool.RepositoryRoot, "powershell", "CbTyped.PowerShell", "en-US", "CbTyped.PowerShell.dll-Help.xml");

        if (Environment.GetEnvironmentVariable("CBTYPED_UPDATE_HELP") == "1")
            File.WriteAllText(file, expected);

        Assert.Equal(expected, File.ReadAllText(file).ReplaceLineEndings("\n"));
        Assert.Equal(38, XDocument.Parse(expected).Root!.Elements().Count());
    }

    /// <summary>A team's generated module (Contoso.Responders) gets its help the same way, from the generated doc comments.</summary>
    [Fact]
    public void TheGeneratedModulesHelpFileMatchesItsGeneratedCmdlets()
    {
        var module = typeof(Contoso.Responders.HashBan).Assembly;
        var docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Contoso.Responders.xml"));
        var expected = MamlHelpWriter.Write(module, docs);
        var file = Path.Combine(PwshTool.RepositoryRoot, "tests", "CbTyped.PowerShell.Tests.Consumer", "en-US", "Contoso.Responders.dll-Help.xml");

        if (Environment.GetEnvironmentVariable("CBTYPED_UPDATE_HELP") == "1")
            File.WriteAllText(file, expected);

        Assert.Equal(expected, File.ReadAllText(file).ReplaceLineEndings("\n"));
        Assert.Equal(8, XDocument.Parse(expected).Root!.Elements().Count());
    }
}
