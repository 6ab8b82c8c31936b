using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// PowerShell cmdlets from specs (<c>CbTypedEmitCmdlets</c>): emitted only when opted in and the compilation references
/// System.Management.Automation and CbTyped.PowerShell; what each emitted cmdlet declares; and that it compiles
/// against the real assemblies.
/// </summary>
public class CmdletEmitTests
{
    private const string Ban = """
        model: HashBan
        doc: A banned MD5.
        key: { fields: [md5hash], normalize: upper, sentOnCreate: true }
        query: { kind: clientList }
        routes:
          list: GET /api/v1/banning/blacklist
          get: GET /api/v1/banning/blacklist/{md5hash}
          create: POST /api/v1/banning/blacklist
          update: PUT /api/v1/banning/blacklist/{md5hash}
          delete: DELETE /api/v1/banning/blacklist/{md5hash}
        fields:
          md5hash: { type: string, requiredOnCreate: true, doc: The banned MD5. }
          text: { type: string, doc: Why it is banned. }
          enabled: bool
          username: { type: string, readOnly: true }
        operations:
          disable: { doc: Lifts the ban., route: delete, response: refresh }
          quarantine:
            route: POST /api/v1/banning/quarantine/{md5hash}
            parameters: { reason: { type: string, in: query }, days: { type: int, in: query, optional: true } }
        """;

    private const string Search = """
        model: Hit
        key: { fields: [id, segment_id] }
        query: { kind: search }
        routes:
          list: GET /api/v1/process
        fields:
          id: { type: string, readOnly: true }
          segment_id: { type: long, readOnly: true }
          process_name: { type: string, readOnly: true }
        operations:
          totals: { name: GetTotals, scope: collection, route: GET /api/v1/process/totals, response: long }
        """;

    private static readonly Dictionary<string, string> OptIn = new() { ["build_property.CbTypedEmitCmdlets"] = "true" };

    private static IEnumerable<MetadataReference> PowerShellReferences() =>
    [
        MetadataReference.CreateFromFile(typeof(System.Management.Automation.Cmdlet).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(CbTyped.PowerShell.CbCmdlet).Assembly.Location),
    ];

    private static GeneratorRun Run(bool optIn, bool withPowerShell, params (string Path, string Text)[] specs)
    {
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var compilation = GeneratorHarness.CreateCompilation(extraReferences: withPowerShell ? PowerShellReferences() : null);
        return GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver(texts, optIn ? OptIn : null), compilation);
    }

    private static string[] CmdletFiles(GeneratorRun run) =>
        [.. run.Sources.Keys.Where(k => k.Contains(".PowerShell.", StringComparison.Ordinal))];

    [Fact]
    public void Opted_in_with_PowerShell_referenced_emits_one_compiling_cmdlet_per_route_and_operation()
    {
        var run = Run(optIn: true, withPowerShell: true, ("specs/HashBan.model.yaml", Ban), ("specs/Hit.model.yaml", Search));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
        [
            "CbTyped.Tests.Models.PowerShell.GetCbHashBanCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.GetCbHitCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.GetCbHitTotalsCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.InvokeCbHashBanQuarantineCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.NewCbHashBanCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.RemoveCbHashBanCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.SetCbHashBanCommand.g.cs",
        ], CmdletFiles(run).Where(f => !f.Contains("Disable", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("CbTyped.Tests.Models.PowerShell.DisableCbHashBanCommand.g.cs", CmdletFiles(run));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Cmdlets_that_change_the_server_support_ShouldProcess_with_an_impact_and_readers_do_not()
    {
        var run = Run(optIn: true, withPowerShell: true, ("specs/HashBan.model.yaml", Ban), ("specs/Hit.model.yaml", Search));
        string Source(string name) => run.Sources["CbTyped.Tests.Models.PowerShell." + name + "Command.g.cs"];

        Assert.Contains("VerbsCommon.Remove, \"CbHashBan\", DefaultParameterSetName = \"InputObject\", SupportsShouldProcess = true, ConfirmImpact = global::System.Management.Automation.ConfirmImpact.High", Source("RemoveCbHashBan"), StringComparison.Ordinal);
        Assert.Contains("SupportsShouldProcess = true, ConfirmImpact = global::System.Management.Automation.ConfirmImpact.Medium", Source("NewCbHashBan"), StringComparison.Ordinal);
        Assert.Contains("SupportsShouldProcess = true, ConfirmImpact = global::System.Management.Automation.ConfirmImpact.Medium", Source("SetCbHashBan"), StringComparison.Ordinal);
        // The disable operation's route is the delete route: high impact.
        Assert.Contains("VerbsLifecycle.Disable, \"CbHashBan\", SupportsShouldProcess = true, ConfirmImpact = global::System.Management.Automation.ConfirmImpact.High", Source("DisableCbHashBan"), StringComparison.Ordinal);
        Assert.Contains("if (!ShouldProcess(", Source("InvokeCbHashBanQuarantine"), StringComparison.Ordinal);
        Assert.DoesNotContain("ShouldProcess", Source("GetCbHashBan"), StringComparison.Ordinal);
        Assert.DoesNotContain("ShouldProcess", Source("GetCbHitTotals"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_bind_from_the_pipeline_by_value_and_by_property_name_and_help_has_an_example()
    {
        var run = Run(optIn: true, withPowerShell: true, ("specs/HashBan.model.yaml", Ban), ("specs/Hit.model.yaml", Search));
        var get = run.Sources["CbTyped.Tests.Models.PowerShell.GetCbHashBanCommand.g.cs"];
        var remove = run.Sources["CbTyped.Tests.Models.PowerShell.RemoveCbHashBanCommand.g.cs"];
        var newBan = run.Sources["CbTyped.Tests.Models.PowerShell.NewCbHashBanCommand.g.cs"];
        var hits = run.Sources["CbTyped.Tests.Models.PowerShell.GetCbHitCommand.g.cs"];
        var quarantine = run.Sources["CbTyped.Tests.Models.PowerShell.InvokeCbHashBanQuarantineCommand.g.cs"];

        Assert.Contains("[global::System.Management.Automation.Parameter(ParameterSetName = \"Key\", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]\n        [global::System.Management.Automation.Alias(\"HashBanMd5hash\")]\n        public string[]? Md5hash { get; set; }", get, StringComparison.Ordinal);
        Assert.Contains("ValueFromPipeline = true)]\n        [global::System.Management.Automation.Alias(\"HashBan\")]\n        public global::CbTyped.Tests.Models.HashBan? InputObject { get; set; }", remove, StringComparison.Ordinal);
        Assert.Contains("[global::System.Management.Automation.Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]\n        public string? Md5hash { get; set; }", newBan, StringComparison.Ordinal);
        Assert.DoesNotContain("Username", newBan, StringComparison.Ordinal);
        Assert.Contains("[global::CbTyped.PowerShell.CbQueryCompletion<global::CbTyped.Tests.Models.Hit>]", hits, StringComparison.Ordinal);
        Assert.Contains("public int? Days { get; set; }", quarantine, StringComparison.Ordinal);
        Assert.Contains("Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]\n        public string? Reason { get; set; }", quarantine, StringComparison.Ordinal);
        foreach (var source in CmdletFiles(run).Select(f => run.Sources[f]))
        {
            Assert.Contains("/// <example>\n    /// <code>\n    /// ", source, StringComparison.Ordinal);
        }
        Assert.Contains("/// New-CbHashBan -Md5hash 'value' -WhatIf", newBan, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_emitted_without_the_opt_in_or_without_PowerShell_referenced()
    {
        Assert.Empty(CmdletFiles(Run(optIn: false, withPowerShell: true, ("specs/HashBan.model.yaml", Ban))));
        var plainSdkUser = Run(optIn: true, withPowerShell: false, ("specs/HashBan.model.yaml", Ban));
        Assert.Empty(CmdletFiles(plainSdkUser));
        Assert.Empty(plainSdkUser.GeneratorDiagnostics);
        Assert.Empty(plainSdkUser.CompileDiagnostics);
    }

    [Fact]
    public void The_output_is_the_same_on_every_run()
    {
        var first = Run(optIn: true, withPowerShell: true, ("specs/HashBan.model.yaml", Ban), ("specs/Hit.model.yaml", Search));
        var second = Run(optIn: true, withPowerShell: true, ("specs/Hit.model.yaml", Search), ("specs/HashBan.model.yaml", Ban));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Theory]
    [InlineData("GetTotals", "Get", "CbSensorTotals")]
    [InlineData("Disable", "Disable", "CbSensor")]
    [InlineData("RestartNow", "Restart", "CbSensorNow")]
    [InlineData("Quarantine", "Invoke", "CbSensorQuarantine")]
    [InlineData("Getaway", "Invoke", "CbSensorGetaway")]
    public void An_operations_verb_is_its_first_word_when_approved_else_Invoke(string method, string verb, string noun)
    {
        var (_, actualVerb, actualNoun) = CbTyped.Generator.Emit.CmdletVerbs.For("CbSensor", method);
        Assert.Equal((verb, noun), (actualVerb, actualNoun));
    }
}
