using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Remove-CbBannedHash</c>: lifts a ban (the server disables it and keeps its record).</summary>
/// <example>
/// <code>
/// Remove-CbBannedHash 7FB55F5A62E78AF9B58D08AAEEAEF848
/// </code>
/// <para>Lifts the ban (asks first).</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "CbBannedHash", DefaultParameterSetName = "Md5", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveCbBannedHashCommand : CbCmdlet
{
    /// <summary>The ban (from <c>Get-CbBannedHash</c>).</summary>
    [Parameter(ParameterSetName = "BannedHash", Mandatory = true, ValueFromPipeline = true)]
    public BannedHash? BannedHash { get; set; }

    /// <summary>The banned MD5.</summary>
    [Parameter(ParameterSetName = "Md5", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Md5hash")]
    [ValidatePattern("^[0-9A-Fa-f]{32}$")]
    public string? Md5 { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var md5 = BannedHash?.Md5hash ?? Md5;
        ForEachInput((object?)BannedHash ?? md5, () =>
        {
            if (!ShouldProcess("MD5 " + md5, "Lift the ban"))
                return;
            var ban = BannedHash ?? Client.Select<BannedHash>(md5!);
            Await(ct => ClientFor(ban).DeleteAsync(ban, ct));
        });
    }
}
