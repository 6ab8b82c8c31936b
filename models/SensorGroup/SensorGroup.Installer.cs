using System.Globalization;
using System.Text.Json;

namespace CbTyped.Response;

/// <summary>The sensor installers a group offers (<c>GET /api/v1/group/{id}/installer/{kind}</c>).</summary>
public enum SensorInstallerKind
{
    /// <summary><c>windows/exe</c> (a zip holding the installer).</summary>
    WindowsExe,

    /// <summary><c>windows/msi</c>.</summary>
    WindowsMsi,

    /// <summary><c>osx</c>.</summary>
    Osx,

    /// <summary><c>linux</c> (a tar.gz).</summary>
    Linux,
}

public partial class SensorGroup
{
    /// <summary>
    /// Downloads the group's sensor installer as a stream (the response body, not buffered: dispose it when done).
    /// </summary>
    public async Task<Stream> OpenInstallerAsync(SensorInstallerKind kind = SensorInstallerKind.WindowsExe, CancellationToken cancellationToken = default)
    {
        var path = "/api/v1/group/" + RequireId() + "/installer/" + kind switch
        {
            SensorInstallerKind.WindowsExe => "windows/exe",
            SensorInstallerKind.WindowsMsi => "windows/msi",
            SensorInstallerKind.Osx => "osx",
            SensorInstallerKind.Linux => "linux",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var response = await this.RequireResponseClient().SendStreamingAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>What the group shares with third parties (<c>GET /api/v1/group/{id}/datasharing</c>): (what, who) pairs such as (BIN, VIRUSTOTAL).</summary>
    public async Task<IReadOnlyList<(string What, string Who)>> GetDataSharingAsync(CancellationToken cancellationToken = default)
    {
        using var doc = await this.RequireResponseClient().SendJsonAsync(HttpMethod.Get, "/api/v1/group/" + RequireId() + "/datasharing", null, cancellationToken).ConfigureAwait(false);
        var result = new List<(string, string)>();
        if (doc is { RootElement.ValueKind: JsonValueKind.Array })
        {
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                string what = item.TryGetProperty("what", out var w) ? w.ToString() : string.Empty;
                string who = item.TryGetProperty("who", out var o) ? o.ToString() : string.Empty;
                result.Add((what, who));
            }
        }

        return result;
    }

    private string RequireId() =>
        (Id ?? throw new InvalidOperationException("Save the sensor group first.")).ToString(CultureInfo.InvariantCulture);
}
