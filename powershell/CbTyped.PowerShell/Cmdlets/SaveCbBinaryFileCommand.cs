using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Save-CbBinaryFile</c>: downloads binaries' files (the zip's <c>filedata</c>, streamed, never whole in memory) into
/// a folder (named after each binary's original file name) or to a file, and writes the files it saved.
/// </summary>
/// <example>
/// <code>
/// Get-CbBinary 7FB55F5A62E78AF9B58D08AAEEAEF848 | Save-CbBinaryFile -Path ./samples
/// </code>
/// <para>Saves the binary's file under its original file name in ./samples.</para>
/// </example>
/// <example>
/// <code>
/// Save-CbBinaryFile -Md5 7FB55F5A62E78AF9B58D08AAEEAEF848 -Path ./net.exe -Force
/// </code>
/// <para>Saves it to a file, overwriting it.</para>
/// </example>
[Cmdlet(VerbsData.Save, "CbBinaryFile", DefaultParameterSetName = BinarySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SaveCbBinaryFileCommand : CbCmdlet
{
    private const string BinarySet = "Binary";
    private const string Md5Set = "Md5";
    private readonly HashSet<string> _saved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The binary (from <c>Get-CbBinary</c>).</summary>
    [Parameter(ParameterSetName = BinarySet, Mandatory = true, ValueFromPipeline = true)]
    public Binary? Binary { get; set; }

    /// <summary>The binary's MD5, e.g. a process's <c>ProcessMd5</c> from the pipeline.</summary>
    [Parameter(ParameterSetName = Md5Set, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProcessMd5", "Md5hash")]
    [ValidatePattern("^[0-9A-Fa-f]{32}$")]
    public string? Md5 { get; set; }

    /// <summary>A folder (each binary saved under its original file name, else its MD5) or a file. Default: the current folder.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = ".";

    /// <summary>Overwrite a file that exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput((object?)Binary ?? Md5, () =>
    {
        var binary = Binary ?? Await(ct => Client.GetAsync<Binary>(Md5!, ct));
        var md5 = binary.Md5 ?? Md5 ?? string.Empty;
        // A binary the pipeline names twice (two processes of one image) is saved once.
        if (!_saved.Add(md5))
            return;
        var target = LocalFiles.Target(GetUnresolvedProviderPathFromPSPath(Path), binary.OriginalFilename, md5);
        if (!ShouldProcess(target, $"Save the file of binary {md5}"))
            return;
        LocalFiles.WriteAtomically(this, target, Force, "Downloading binary " + md5, binary.OrigModLen,
            async (stream, ct) => await binary.DownloadToAsync(stream, ct).ConfigureAwait(false));
        WriteObject(new FileInfo(target));
    });
}
