using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// The cmdlets-only mode (<c>CbTypedCmdletsOnly</c>: the models compile in a referenced assembly, as the built-in ones
/// do in CbTyped.Response), the model selection (<c>CbTypedCmdletModels</c>) and the specs' <c>powershell:</c> hints.
/// </summary>
public class CmdletsOnlyModeTests
{
    private const string Ban = """
        model: HashBan
        doc: A banned MD5.
        key: { fields: [md5hash], sentOnCreate: true }
        query: { kind: clientList }
        routes:
          list: GET /api/v1/banning/blacklist
          get: GET /api/v1/banning/blacklist/{md5hash}
          create: POST /api/v1/banning/blacklist
          update: PUT /api/v1/banning/blacklist/{md5hash}
          delete: DELETE /api/v1/banning/blacklist/{md5hash}
        powershell: { noun: CbBan, cmdlets: [get, new, remove, disable] }
        fields:
          md5hash:
            type: string
            requiredOnCreate: true
            doc: The banned MD5.
            powershell: { parameter: Md5, aliases: [ProcessMd5], position: 0, pattern: "^[0-9A-Fa-f]{32}$" }
          text: { type: string, doc: Why., powershell: { position: 1 } }
          enabled: bool
        operations:
          disable: { doc: Lifts the ban., route: delete, response: refresh }
          enable: { doc: Bans again., route: create, body: { fields: [md5hash] }, response: refresh }
        """;

    private const string Account = """
        model: Account
        key: { fields: [username], sentOnCreate: true }
        query: { kind: clientList }
        routes:
          list: GET /api/users
          get: GET /api/user/{username}
          create: POST /api/user
        powershell: { nameFilter: username }
        fields:
          username: { type: string, requiredOnCreate: true }
          password: { type: string, powershell: { secure: true } }
        """;

    private const string Group = """
        model: Group
        key: { fields: [id] }
        query: { kind: clientList }
        routes:
          list: GET /api/group
          get: GET /api/group/{id}
        powershell: { nameFilter: name }
        fields:
          id: { type: int, readOnly: true, powershell: { parameter: GroupId, aliases: [Id] } }
          name: string
        """;

    private static readonly (string, string)[] Specs =
        [("specs/HashBan.model.yaml", Ban), ("specs/Account.model.yaml", Account), ("specs/Group.model.yaml", Group)];

    private static IEnumerable<MetadataReference> PowerShellReferences() =>
    [
        MetadataReference.CreateFromFile(typeof(System.Management.Automation.Cmdlet).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(CbTyped.PowerShell.CbCmdlet).Assembly.Location),
    ];

    /// <summary>The models, compiled by the generator in their own assembly (the CbTyped.Response of these tests).</summary>
    private static PortableExecutableReference ModelAssembly()
    {
        var run = GeneratorHarness.Run(Specs);
        Assert.Empty(run.CompileDiagnostics);
        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.WithAssemblyName("CbTyped.GeneratorTests.Models").Emit(image);
        Assert.True(emitted.Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static GeneratorRun CmdletsOnly(Dictionary<string, string>? more = null, (string, string)[]? specs = null)
    {
        var properties = new Dictionary<string, string> { ["build_property.CbTypedCmdletsOnly"] = "true" };
        foreach (var pair in more ?? []) properties[pair.Key] = pair.Value;
        var texts = (specs ?? Specs).Select(s => (AdditionalText)new InMemoryAdditionalText(s.Item1, s.Item2)).ToImmutableArray();
        var compilation = GeneratorHarness.CreateCompilation(extraReferences: PowerShellReferences().Append(ModelAssembly()));
        return GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver(texts, properties), compilation);
    }

    [Fact]
    public void Cmdlets_only_emits_no_model_and_its_cmdlets_compile_over_the_referenced_models()
    {
        var run = CmdletsOnly();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.All(run.Sources.Keys, k => Assert.Contains(".PowerShell.", k, StringComparison.Ordinal));
        Assert.Equal(
        [
            "CbTyped.Tests.Models.PowerShell.DisableCbBanCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.GetCbAccountCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.GetCbBanCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.GetCbGroupCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.NewCbAccountCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.NewCbBanCommand.g.cs",
            "CbTyped.Tests.Models.PowerShell.RemoveCbBanCommand.g.cs",
        ], run.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void CbTypedCmdletModels_selects_the_models_that_get_cmdlets()
    {
        var run = CmdletsOnly(new() { ["build_property.CbTypedCmdletModels"] = "Group, Account" });

        Assert.Equal(
            ["CbTyped.Tests.Models.PowerShell.GetCbAccountCommand.g.cs", "CbTyped.Tests.Models.PowerShell.GetCbGroupCommand.g.cs", "CbTyped.Tests.Models.PowerShell.NewCbAccountCommand.g.cs"],
            run.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Field_hints_rename_alias_position_validate_and_secure_the_parameters()
    {
        var run = CmdletsOnly();
        string Source(string name) => run.Sources["CbTyped.Tests.Models.PowerShell." + name + "Command.g.cs"];
        const string Sma = "global::System.Management.Automation.";

        Assert.Contains("[" + Sma + "Parameter(ParameterSetName = \"Key\", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]\n"
            + "        [" + Sma + "Alias(\"HashBanMd5hash\", \"Md5hash\", \"ProcessMd5\")]\n"
            + "        [" + Sma + "ValidatePattern(\"^[0-9A-Fa-f]{32}$\")]\n"
            + "        public string[]? Md5 { get; set; }", Source("GetCbBan"), StringComparison.Ordinal);
        Assert.Contains("Mandatory = true, ValueFromPipelineByPropertyName = true, Position = 0)]", Source("NewCbBan"), StringComparison.Ordinal);
        Assert.Contains("ValueFromPipelineByPropertyName = true, Position = 1)]\n        public string? Text { get; set; }", Source("NewCbBan"), StringComparison.Ordinal);
        Assert.Contains("__model.Md5hash = Md5;", Source("NewCbBan"), StringComparison.Ordinal);
        // A bare key at position 0 beside the piped object; the object also answers to -HashBan.
        Assert.Contains("Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]", Source("RemoveCbBan"), StringComparison.Ordinal);
        Assert.Contains("[" + Sma + "Alias(\"HashBan\")]\n        public global::CbTyped.Tests.Models.HashBan? InputObject", Source("RemoveCbBan"), StringComparison.Ordinal);
        Assert.Contains("public global::System.Security.SecureString? Password { get; set; }", Source("NewCbAccount"), StringComparison.Ordinal);
        Assert.Contains("__model.Password = PlainText(Password);", Source("NewCbAccount"), StringComparison.Ordinal);
        Assert.Contains("/// New-CbAccount -Username 'value' -WhatIf", Source("NewCbAccount"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_filter_takes_the_first_position_and_a_key_of_its_own_field_is_looked_up_by_name()
    {
        var run = CmdletsOnly();
        var group = run.Sources["CbTyped.Tests.Models.PowerShell.GetCbGroupCommand.g.cs"];
        var account = run.Sources["CbTyped.Tests.Models.PowerShell.GetCbAccountCommand.g.cs"];

        Assert.Contains("DefaultParameterSetName = \"Name\"", group, StringComparison.Ordinal);
        Assert.Contains("Parameter(ParameterSetName = \"Name\", Position = 0)]\n        [global::System.Management.Automation.SupportsWildcards]\n        public string[]? Name { get; set; }", group, StringComparison.Ordinal);
        // No position: a bare argument is a name. -GroupId (alias -Id) binds a piped sensor's GroupId, not its Id.
        Assert.Contains("Parameter(ParameterSetName = \"Key\", Mandatory = true, ValueFromPipelineByPropertyName = true)]\n        [global::System.Management.Automation.Alias(\"Id\")]\n        public int[]? GroupId { get; set; }", group, StringComparison.Ordinal);
        Assert.Contains("MatchesName(__item.Name, __name)", group, StringComparison.Ordinal);
        Assert.Contains("__written.Add(__key)", group, StringComparison.Ordinal);
        // The user name is the key: no key set, the name filter matches exact names and binds a piped Username.
        Assert.DoesNotContain("ParameterSetName = \"Key\"", account, StringComparison.Ordinal);
        Assert.Contains("Parameter(ParameterSetName = \"Name\", Position = 0, ValueFromPipelineByPropertyName = true)]\n        [global::System.Management.Automation.Alias(\"Username\")]", account, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_hints_are_spec_errors_with_their_key()
    {
        const string Bad = """
            model: Thing
            key: { fields: [id] }
            query: { kind: clientList }
            routes: { list: GET /api/thing }
            powershell: { cmdlets: [get, launch], nameFilter: id, color: blue }
            fields:
              id: { type: int, powershell: { position: first, secure: maybe } }
            """;
        var run = GeneratorHarness.RunOne("specs/Thing.model.yaml", Bad);
        var messages = run.GeneratorDiagnostics.Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Contains(messages, m => m.StartsWith("CBT0006 'launch' is not a valid value for 'powershell.cmdlets'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("CBT0006 'id' is not a valid value for 'powershell.nameFilter'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("CBT0003", StringComparison.Ordinal) && m.Contains("color", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("CBT0006 'first' is not a valid value for 'fields.id.powershell.position'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("CBT0006 'maybe' is not a valid value for 'fields.id.powershell.secure'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_output_is_the_same_on_every_run_and_in_any_spec_order()
    {
        var first = CmdletsOnly();
        var second = CmdletsOnly(specs: [.. Specs.Reverse()]);
        Assert.Equal(first.Sources, second.Sources);
    }
}
