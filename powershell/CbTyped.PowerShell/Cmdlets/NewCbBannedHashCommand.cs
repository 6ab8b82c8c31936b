using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>New-CbBannedHash</c>: bans an MD5, so sensors block processes whose binary has it. Banning a hash that is
/// banned already is a ResourceExists error with the server's message.
/// </summary>
/// <example>
/// <code>
/// Get-CbBinary 7FB55F5A62E78AF9B58D08AAEEAEF848 | New-CbBannedHash -Text 'Banned from API'
/// </code>
/// <para>Bans a binary's MD5.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "CbBannedHash", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BannedHash))]
public sealed class NewCbBannedHashCommand : CbCmdlet
{
    /// <summary>The MD5 to ban (a binary's <c>Md5</c> or a process's <c>ProcessMd5</c> from the pipeline).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProcessMd5", "Md5hash")]
    [ValidatePattern("^[0-9A-Fa-f]{32}$")]
    public string? Md5 { get; set; }

    /// <summary>Why it is banned (shown in the console).</summary>
    [Parameter(Position = 1)]
    public string? Text { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Md5, () =>
    {
        if (!ShouldProcess("MD5 " + Md5, "Ban"))
            return;
        var ban = Client.Create<BannedHash>();
        ban.Md5hash = Md5;
        ban.Text = Text;
        WriteObject(Await(ct => Client.SaveAsync(ban, ct)));
    });
}
