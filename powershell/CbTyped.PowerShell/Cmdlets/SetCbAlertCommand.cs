using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Set-CbAlert</c>: changes an alert's status (resolve it, mark it a false positive, …) and/or who it is assigned to.</summary>
/// <example>
/// <code>
/// Get-CbAlert -Query 'status:Unresolved watchlist_name:test' | Set-CbAlert -Status Resolved
/// </code>
/// <para>Resolves the alerts of a watchlist.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "CbAlert", DefaultParameterSetName = AlertSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Alert))]
public sealed class SetCbAlertCommand : CbCmdlet
{
    private const string AlertSet = "Alert";
    private const string IdSet = "Id";

    /// <summary>The alert (from <c>Get-CbAlert</c>).</summary>
    [Parameter(ParameterSetName = AlertSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Alert? Alert { get; set; }

    /// <summary>The alert's unique id.</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UniqueId")]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    /// <summary>The new status.</summary>
    [Parameter]
    [ValidateSet(nameof(AlertStatus.Unresolved), nameof(AlertStatus.InProgress), nameof(AlertStatus.Resolved), nameof(AlertStatus.FalsePositive))]
    public AlertStatus? Status { get; set; }

    /// <summary>The console user to assign it to.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AssignedTo { get; set; }

    /// <summary>Write the alert after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput((object?)Alert ?? Id, () =>
    {
        var changes = new List<string>();
        if (Status is { } status)
            changes.Add("set the status to " + status);
        if (AssignedTo is not null)
            changes.Add("assign to " + AssignedTo);
        var id = Alert?.UniqueId ?? Id;
        if (changes.Count == 0 || !ShouldProcess("alert " + id, string.Join(", ", changes)))
            return;
        var alert = Alert ?? Await(ct => Client.GetAsync<Alert>(id!, ct));
        if (Status is { } newStatus)
            Await(ct => alert.ChangeStatusAsync(newStatus, ct));
        if (AssignedTo is not null)
            Await(ct => alert.AssignAsync(AssignedTo, ct));
        if (PassThru)
            WriteObject(alert);
    });
}
