using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbLiveResponseChildItem</c>: the files and folders in a folder on the endpoint.</summary>
/// <example>
/// <code>
/// Get-CbLiveResponseChildItem -Session $lr 'c:\windows\'
/// </code>
/// <para>The files and folders in c:\windows\ on the endpoint.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbLiveResponseChildItem")]
[OutputType(typeof(LiveResponseDirectoryEntry))]
public sealed class GetCbLiveResponseChildItemCommand : LiveResponseCmdlet
{
    /// <summary>The folder on the endpoint, e.g. <c>c:\windows\</c>.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Path, () =>
        WriteObject(Await(ct => Session!.ListDirectoryAsync(Path!, ct)), enumerateCollection: true));
}
