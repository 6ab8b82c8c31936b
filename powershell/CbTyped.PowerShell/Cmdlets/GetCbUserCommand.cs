using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbUser</c>: the console's users, all or by user name (wildcards, or the exact name).</summary>
/// <example>
/// <code>
/// Get-CbUser j*
/// </code>
/// <para>Users whose user name starts with j.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbUser")]
[OutputType(typeof(User))]
public sealed class GetCbUserCommand : CbCmdlet
{
    /// <summary>Only these user names.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Username")]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Name, () =>
    {
        foreach (var user in Enumerate(Client.Select<User>()))
        {
            if (Name is null || Name.Any(n => NameMatches.Any(user.Username, n)))
                WriteObject(user);
        }
    });
}
