using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary><c>Invoke-CbSensorIsolation</c>: cuts an endpoint off the network (except from the Cb server) and waits until its sensor confirms.</summary>
/// <example>
/// <code>
/// Get-CbSensor -Hostname HOSTNAME | Invoke-CbSensorIsolation -TimeoutSeconds 300
/// </code>
/// <para>Isolates the endpoint and waits until its sensor confirms; asks first (high impact).</para>
/// </example>
/// <example>
/// <code>
/// Invoke-CbSensorIsolation -SensorId 4 -WhatIf
/// </code>
/// <para>Says what it would do and sends nothing.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "CbSensorIsolation", DefaultParameterSetName = SensorSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(CbIsolationResult))]
public sealed class InvokeCbSensorIsolationCommand() : IsolationCmdlet(isolate: true);
