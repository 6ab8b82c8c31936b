using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Stop-CbLiveResponseSession</c>: closes a Live Response session.</summary>
/// <example>
/// <code>
/// $lr | Stop-CbLiveResponseSession
/// </code>
/// <para>Closes the session.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Stop, "CbLiveResponseSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
public sealed class StopCbLiveResponseSessionCommand : CbCmdlet
{
    /// <summary>The session (from <c>Start-CbLiveResponseSession</c>).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public LiveResponseSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Session, () =>
    {
        if (ShouldProcess($"Live Response session {Session!.SessionId} on sensor {Session.SensorId}", "Close"))
            Await(Session.CloseAsync);
    });
}
