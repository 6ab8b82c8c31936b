using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary><c>Send-CbLiveResponseFile</c>: uploads a local file to a path on the endpoint.</summary>
/// <example>
/// <code>
/// Send-CbLiveResponseFile -Session $lr ./collector.exe -Destination 'c:\windows\temp\collector.exe'
/// </code>
/// <para>Uploads a file to the endpoint.</para>
/// </example>
[Cmdlet(VerbsCommunications.Send, "CbLiveResponseFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class SendCbLiveResponseFileCommand : LiveResponseCmdlet
{
    /// <summary>The local file.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The file's path on the endpoint (the file must not exist there yet).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Path, () =>
    {
        var local = GetUnresolvedProviderPathFromPSPath(Path);
        if (!ShouldProcess($"{Destination} on {Endpoint}", "Upload " + local))
            return;
        using var file = new FileStream(local, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var progress = new ProgressRecord(NewActivityId(), "Uploading to " + Endpoint, Destination);
        Await(ct => Session!.PutFileAsync(file, Destination!, ct), () =>
        {
            if (file.Length > 0)
                progress.PercentComplete = (int)Math.Clamp(file.Position * 100 / file.Length, 0, 100);
            return progress;
        });
    });
}
