namespace CbTyped.PowerShell.Tests;

/// <summary>What the shell shows and offers: tab completion from the specs' fields, default views, help, approved verbs.</summary>
public sealed class ShellIntegrationTests
{
    private static List<string> Complete(ModuleSession session, string input) =>
        [.. session.Objects("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", input).Cast<string>()];

    [Fact]
    public async Task QueryFieldNamesAndYesNoValuesTabComplete()
    {
        await using var session = await ModuleSession.StartAsync();

        var fields = Complete(session, "Get-CbProcess -Query process_n");
        var searchOnly = Complete(session, "Get-CbProcess -Query 'hostname:web digsig_p");
        var values = Complete(session, "Get-CbProcess -Query is_64bit:t");
        var sorts = Complete(session, "Get-CbProcess -Sort star");
        var binaryFields = Complete(session, "Get-CbBinary -Query digsig_res");

        Assert.Equal(["process_name:"], fields);
        Assert.Equal(["'hostname:web digsig_publisher:'", "'hostname:web digsig_prog_name:'"], searchOnly.OrderDescending(StringComparer.Ordinal));
        Assert.Equal(["is_64bit:true"], values);
        Assert.Equal(["start"], sorts);
        Assert.Contains("digsig_result:", binaryFields);
    }

    [Fact]
    public async Task EnumQueryFieldsCompleteTheValuesTheirSpecDeclares()
    {
        await using var session = await ModuleSession.StartAsync();

        var statuses = Complete(session, "Get-CbAlert -Query status:");
        var resolved = Complete(session, "Get-CbAlert -Query 'hostname:web status:Res");
        var signatures = Complete(session, "Get-CbBinary -Query digsig_result:Bad");
        var osTypes = Complete(session, "Get-CbBinary -Query os_type:l");
        var textField = Complete(session, "Get-CbBinary -Query digsig_publisher:M");

        Assert.Equal(["status:Unresolved", "'status:\"In Progress\"'", "status:Resolved", "'status:\"False Positive\"'"], statuses);
        Assert.Equal(["'hostname:web status:Resolved'"], resolved);
        Assert.Equal(["'digsig_result:\"Bad Signature\"'"], signatures);
        Assert.Equal(["os_type:Linux"], osTypes);
        Assert.Empty(textField);
    }

    [Fact]
    public async Task ConnectionNamesTabComplete()
    {
        await using var session = await ModuleSession.StartAsync();

        Assert.Equal(["emu"], Complete(session, "Get-CbSensor -Connection e"));
    }

    [Fact]
    public async Task ModelsHaveDefaultTableViews()
    {
        await using var session = await ModuleSession.StartAsync();

        var sensors = (string)session.Objects("Get-CbSensor | Out-String -Width 200").Single();
        var processes = (string)session.Objects("Get-CbProcess -Query 'process_name:net.exe' | Out-String -Width 200").Single();

        Assert.Matches(@"Id\s+Hostname\s+Status\s+Isolated\s+GroupId\s+LastCheckin\s+OS", sensors);
        Assert.Contains("HOSTNAME", sensors, StringComparison.Ordinal);
        Assert.DoesNotContain("ComputerDnsName", sensors, StringComparison.Ordinal);
        Assert.Matches(@"Start\s+Hostname\s+Username\s+ProcessName\s+Cmdline", processes);
    }

    [Fact]
    public async Task EveryCmdletUsesAnApprovedVerbAndHasHelpWithAnExample()
    {
        await using var session = await ModuleSession.StartAsync(connect: false);
        var approved = session.Objects("Get-Verb | ForEach-Object Verb").Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cmdlets = session.Objects("Get-Command -Module CbTyped.PowerShell | ForEach-Object Name").Cast<string>().ToList();

        Assert.Equal(38, cmdlets.Count);
        foreach (var cmdlet in cmdlets)
        {
            Assert.Contains(cmdlet.Split('-')[0], approved);
            var synopsis = (string)session.Objects("(Get-Help $args[0]).Synopsis", cmdlet).Single();
            Assert.False(string.IsNullOrWhiteSpace(synopsis) || synopsis.StartsWith(cmdlet, StringComparison.Ordinal), cmdlet + " has no synopsis");
            var examples = session.Objects("@((Get-Help $args[0] -Examples).examples.example).Count", cmdlet).Single();
            Assert.True((int)examples >= 1, cmdlet + " has no example");
            var undocumented = session.Objects("""
                $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters + 'First', 'Skip', 'IncludeTotalCount'
                (Get-Command $args[0]).Parameters.Keys | Where-Object { $_ -notin $common } | Where-Object {
                    -not (Get-Help $args[0] -Parameter $_ -ErrorAction SilentlyContinue).description
                }
                """, cmdlet);
            Assert.True(undocumented.Count == 0, $"{cmdlet}: parameters without help: {string.Join(", ", undocumented)}");
        }
    }

    [Fact]
    public async Task TheManifestIsValidAndExportsExactlyTheAssemblysCmdlets()
    {
        await using var session = await ModuleSession.StartAsync(connect: false);

        var manifest = (PSModuleInfo)session.Objects("Test-ModuleManifest $args[0]", PwshTool.ModuleManifest).Single();
        var defined = typeof(CbConnection).Assembly.GetExportedTypes()
            .Select(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().SingleOrDefault())
            .Where(c => c is not null)
            .Select(c => c!.VerbName + "-" + c.NounName);

        Assert.Equal(new Version(0, 1, 0), manifest.Version);
        Assert.Equal("CbTyped.PowerShell.dll", manifest.RootModule);
        Assert.Equal(defined.Order(StringComparer.Ordinal), manifest.ExportedCmdlets.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("PSEdition_Core", manifest.Tags);
    }
}
