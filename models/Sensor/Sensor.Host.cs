using System.Globalization;

namespace CbTyped.Response;

public partial class Sensor
{
    /// <summary>The host name (<c>computer_name</c>).</summary>
    public string? Hostname => ComputerName;

    /// <summary>The DNS name (<c>computer_dns_name</c>).</summary>
    public string? DnsName => ComputerDnsName;

    /// <summary>The operating system (<c>os_environment_display_string</c>).</summary>
    public string? OperatingSystem => OsEnvironmentDisplayString;

    /// <summary>The machine SID (<c>computer_sid</c>).</summary>
    public string? Sid => ComputerSid;

    /// <summary>
    /// The network adapters parsed from <c>network_adapters</c> (<c>"ip,mac|ip,mac|"</c>), MACs written
    /// <c>00:15:5d:01:9c:08</c>.
    /// </summary>
    public IReadOnlyList<SensorNetworkInterface> NetworkInterfaces
    {
        get
        {
            var interfaces = new List<SensorNetworkInterface>();
            foreach (string adapter in (NetworkAdapters ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] parts = adapter.Split(',', 2);
                if (parts.Length == 2)
                {
                    interfaces.Add(new SensorNetworkInterface(FormatMac(parts[1]), parts[0]));
                }
            }

            return interfaces;
        }
    }

    /// <summary>The console page of this sensor, <c>{server}/#/host/{id}</c>; null when not attached to a client.</summary>
    public Uri? WebUiLink =>
        Client is CbResponseClient client && Id is int id
            ? new Uri(client.Url.ToString().TrimEnd('/') + "/#/host/" + id.ToString(CultureInfo.InvariantCulture))
            : null;

    /// <summary>The site of the sensor's group (two joins: sensor → group → site).</summary>
    public async Task<Site?> GetSiteAsync(CancellationToken cancellationToken = default)
    {
        var group = await GetGroupAsync(cancellationToken).ConfigureAwait(false);
        return group is null ? null : await group.GetSiteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string FormatMac(string mac)
    {
        string hex = mac.Replace(":", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (hex.Length != 12)
        {
            return mac;
        }

        return string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2))).ToLowerInvariant();
    }
}
