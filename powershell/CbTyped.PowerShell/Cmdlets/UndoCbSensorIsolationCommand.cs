using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary><c>Undo-CbSensorIsolation</c>: ends an endpoint's network isolation and waits until its sensor confirms.</summary>
[Cmdlet(VerbsCommon.Undo, "CbSensorIsolation", DefaultParameterSetName = SensorSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CbIsolationResult))]
public sealed class UndoCbSensorIsolationCommand() : IsolationCmdlet(isolate: false);
