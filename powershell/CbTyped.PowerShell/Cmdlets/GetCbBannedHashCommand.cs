using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbBannedHash</c>: the server's banned MD5s, all or by MD5 (also a binary's or process's MD5 from the pipeline).</summary>
/// <example>
/// <code>
/// Get-CbBannedHash
/// </code>
/// <para>Every ban.</para>
/// </example>
/// <example>
/// <code>
/// Get-CbBinary 7FB55F5A62E78AF9B58D08AAEEAEF848 | Get-CbBannedHash
/// </code>
/// <para>The ban of a binary.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbBannedHash")]
[OutputType(typeof(BannedHash))]
public sealed class GetCbBannedHashCommand : CbCmdlet
{
    /// <summary>Only these MD5s. Default: every ban.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Md5hash", "ProcessMd5")]
    [ValidatePattern("^[0-9A-Fa-f]{32}$")]
    public string[]? Md5 { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Md5 is null)
        {
            ForEachInput(null, () =>
            {
                foreach (var ban in Enumerate(Client.Select<BannedHash>()))
                    WriteObject(ban);
            });
            return;
        }
        foreach (var md5 in Md5)
            ForEachInput(md5, () => WriteObject(Await(ct => Client.GetAsync<BannedHash>(md5, ct))));
    }
}
