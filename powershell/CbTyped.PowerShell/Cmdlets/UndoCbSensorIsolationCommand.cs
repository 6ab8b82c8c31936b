using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary><c>Undo-CbSensorIsolation</c>: ends an endpoint's network isolation and waits until its sensor confirms.</summary>
/// <example>
/// <code>
/// Undo-CbSensorIsolation -SensorId 4 -Confirm:$false
/// </code>
/// <para>Ends the isolation of sensor 4 and waits until it confirms.</para>
/// </example>
[Cmdlet(VerbsCommon.Undo, "CbSensorIsolation", DefaultParameterSetName = SensorSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CbIsolationResult))]
public sealed class UndoCbSensorIsolationCommand() : IsolationCmdlet(isolate: false);
