using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>New-CbSensorGroup</c>: a sensor group in a site; its sensors report to <c>-SensorBackendServer</c> (default: where the default group's sensors report).</summary>
/// <example>
/// <code>
/// New-CbSensorGroup 'Critical Endpoints' -SiteId 1
/// </code>
/// <para>A sensor group whose sensors report where the default group's do.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "CbSensorGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SensorGroup))]
public sealed class NewCbSensorGroupCommand : CbCmdlet
{
    /// <summary>The group's name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The site. Default: 1.</summary>
    [Parameter]
    public int SiteId { get; set; } = 1;

    /// <summary>The server URL the group's sensors report to. Default: the default group's (group 1).</summary>
    [Parameter]
    public Uri? SensorBackendServer { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Name, () =>
    {
        if (!ShouldProcess($"sensor group '{Name}' in site {SiteId}", "Create"))
            return;
        var backend = SensorBackendServer?.ToString().TrimEnd('/')
            ?? Await(ct => Client.GetAsync<SensorGroup>("1", ct)).SensorbackendServer;
        var group = Client.Create<SensorGroup>();
        group.Name = Name;
        group.SiteId = SiteId;
        group.SensorbackendServer = backend;
        WriteObject(Await(ct => Client.SaveAsync(group, ct)));
    });
}
