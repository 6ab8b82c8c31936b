using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Get-CbLiveResponseFile</c>: copies a file from the endpoint (streamed to disk, never whole in memory) into a
/// local folder (under the remote file's name) or to a local file, and writes the file it saved.
/// </summary>
/// <example>
/// <code>
/// Get-CbLiveResponseFile -Session $lr 'c:\windows\system32\drivers\etc\hosts' -Destination .
/// </code>
/// <para>Copies the endpoint's hosts file into the current folder.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbLiveResponseFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class GetCbLiveResponseFileCommand : LiveResponseCmdlet
{
    /// <summary>The file's path on the endpoint, e.g. <c>c:\windows\system32\drivers\etc\hosts</c>.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("RemotePath")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>A local folder or file. Default: the current folder.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = ".";

    /// <summary>Overwrite a local file that exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Path, () =>
    {
        var target = LocalFiles.Target(GetUnresolvedProviderPathFromPSPath(Destination), Path, "download");
        if (!ShouldProcess(target, $"Copy {Path} from {Endpoint}"))
            return;
        LocalFiles.WriteAtomically(this, target, Force, "Copying from " + Endpoint, null,
            async (stream, ct) => await Session!.GetFileAsync(Path!, stream, ct).ConfigureAwait(false));
        WriteObject(new FileInfo(target));
    });
}
