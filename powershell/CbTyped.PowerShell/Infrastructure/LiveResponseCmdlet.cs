using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>A cmdlet that runs a command in a Live Response session (<c>-Session</c>).</summary>
public abstract class LiveResponseCmdlet : CbCmdlet
{
    /// <summary>The session (from <c>Start-CbLiveResponseSession</c>).</summary>
    [Parameter(Mandatory = true)]
    public LiveResponseSession? Session { get; set; }

    /// <summary>"sensor 4" for ShouldProcess targets.</summary>
    protected string Endpoint => "sensor " + Session!.SensorId;
}
