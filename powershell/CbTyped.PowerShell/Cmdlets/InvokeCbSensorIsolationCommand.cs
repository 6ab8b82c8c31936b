using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary><c>Invoke-CbSensorIsolation</c>: cuts an endpoint off the network (except from the Cb server) and waits until its sensor confirms.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "CbSensorIsolation", DefaultParameterSetName = SensorSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(CbIsolationResult))]
public sealed class InvokeCbSensorIsolationCommand() : IsolationCmdlet(isolate: true);
