using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbLiveResponseProcess</c>: the processes running on the endpoint now.</summary>
/// <example>
/// <code>
/// $lr | Get-CbLiveResponseProcess -Name 'powershell*'
/// </code>
/// <para>The endpoint's running PowerShell processes.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbLiveResponseProcess")]
[OutputType(typeof(LiveResponseProcess))]
public sealed class GetCbLiveResponseProcessCommand : CbCmdlet
{
    /// <summary>The session (from <c>Start-CbLiveResponseSession</c>).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public LiveResponseSession? Session { get; set; }

    /// <summary>Only processes whose executable path matches this (wildcards).</summary>
    [Parameter(Position = 1)]
    [SupportsWildcards]
    public string? Name { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Session, () =>
    {
        var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
        foreach (var process in Await(Session!.ListProcessesAsync))
        {
            if (pattern is null || pattern.IsMatch(process.Path) || pattern.IsMatch(System.IO.Path.GetFileName(process.Path.Replace('\\', '/'))))
                WriteObject(process);
        }
    });
}
