using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbConnection</c>: this session's connections (all, one by name, or only the default).</summary>
/// <example>
/// <code>
/// Get-CbConnection
/// </code>
/// <para>Lists this session's connections; the default one has Default True.</para>
/// </example>
/// <example>
/// <code>
/// (Get-CbConnection -Default).Client
/// </code>
/// <para>The SDK client of the default connection, for anything the cmdlets do not cover.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbConnection", DefaultParameterSetName = "Name")]
[OutputType(typeof(CbConnection))]
public sealed class GetCbConnectionCommand : PSCmdlet
{
    /// <summary>Only the connections with these names (wildcards allowed).</summary>
    [Parameter(ParameterSetName = "Name", Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CbConnectionNameCompleter))]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>Only the default connection.</summary>
    [Parameter(ParameterSetName = "Default", Mandatory = true)]
    public SwitchParameter Default { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var registry = CbConnectionRegistry.Current;
        if (Default)
        {
            if (registry.Default is { } connection)
                WriteObject(connection);
            return;
        }
        foreach (var pattern in Name ?? ["*"])
        {
            var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
            var matches = registry.All.Where(c => wildcard.IsMatch(c.Name)).ToList();
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"No connection is named '{pattern}'."),
                    "CbTyped.ConnectionNotFound", ErrorCategory.ObjectNotFound, pattern));
            }
            WriteObject(matches, enumerateCollection: true);
        }
    }
}
