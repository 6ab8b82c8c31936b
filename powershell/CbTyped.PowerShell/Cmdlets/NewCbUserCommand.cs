using System.Management.Automation;
using System.Net;
using System.Security;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>New-CbUser</c>: a console user, with its password given as a SecureString and its teams by name.</summary>
/// <example>
/// <code>
/// New-CbUser jgarman -Password (Read-Host -AsSecureString) -FirstName Jason -LastName Garman -Email jgarman@carbonblack.com
/// </code>
/// <para>A console user, the password typed at a prompt.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "CbUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(User))]
public sealed class NewCbUserCommand : CbCmdlet
{
    /// <summary>The user name (the user's key).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Username { get; set; }

    /// <summary>The password (<c>Read-Host -AsSecureString</c>).</summary>
    [Parameter(Mandatory = true)]
    public SecureString? Password { get; set; }

    /// <summary>The first name.</summary>
    [Parameter(Mandatory = true)]
    public string? FirstName { get; set; }

    /// <summary>The last name.</summary>
    [Parameter(Mandatory = true)]
    public string? LastName { get; set; }

    /// <summary>The e-mail address.</summary>
    [Parameter(Mandatory = true)]
    public string? Email { get; set; }

    /// <summary>The names of the teams the user joins. Default: none.</summary>
    [Parameter]
    public string[]? Team { get; set; }

    /// <summary>Make the user a global administrator.</summary>
    [Parameter]
    public SwitchParameter GlobalAdmin { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Username, () =>
    {
        if (!ShouldProcess($"user '{Username}' ({FirstName} {LastName}, {Email}{(GlobalAdmin ? ", global administrator" : string.Empty)})", "Create"))
            return;
        var user = Client.Create<User>();
        user.Username = Username;
        user.Password = new NetworkCredential(string.Empty, Password).Password;
        user.FirstName = FirstName;
        user.LastName = LastName;
        user.Email = Email;
        user.Teams = [];
        user.GlobalAdmin = GlobalAdmin;
        foreach (var team in Team ?? [])
            Await(ct => user.AddTeamAsync(team, ct));
        WriteObject(Await(ct => Client.SaveAsync(user, ct)));
    });
}
