namespace CbTyped.Response;

public partial class SensorGroup
{
    /// <summary>
    /// Downloads the group's sensor installer as a stream (the response body, not buffered: dispose it when done).
    /// </summary>
    public Task<Stream> OpenInstallerAsync(SensorInstallerKind kind = SensorInstallerKind.WindowsExe, CancellationToken cancellationToken = default) =>
        OpenInstallerCoreAsync(kind switch
        {
            SensorInstallerKind.WindowsExe => "windows/exe",
            SensorInstallerKind.WindowsMsi => "windows/msi",
            SensorInstallerKind.Osx => "osx",
            SensorInstallerKind.Linux => "linux",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        }, cancellationToken);

    /// <summary>What the group shares with third parties: (what, who) pairs such as (BIN, VIRUSTOTAL).</summary>
    public async Task<IReadOnlyList<(string What, string Who)>> GetDataSharingAsync(CancellationToken cancellationToken = default)
    {
        var settings = await GetDataSharingSettingsAsync(cancellationToken).ConfigureAwait(false);
        return [.. settings.Select(s => (s.What ?? string.Empty, s.Who ?? string.Empty))];
    }
}
