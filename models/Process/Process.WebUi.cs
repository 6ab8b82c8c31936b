using System.Globalization;
using CbTyped.Response.Internal;

namespace CbTyped.Response;

public partial class Process
{
    /// <summary>
    /// The console page of this process segment, <c>{server}/#analyze/{guid}/{segment}</c>; null when the instance is
    /// not attached to a client or has no id.
    /// </summary>
    public Uri? WebUiLink =>
        Client is CbResponseClient client && Id is { } id
            ? new Uri(client.Url.ToString().TrimEnd('/') + "/#analyze/" + id + "/" + (SegmentId ?? 0).ToString(CultureInfo.InvariantCulture))
            : null;

    /// <summary>The sensor id, pid and creation time packed into the GUID (null when the id is not a GUID).</summary>
    public ProcessGuid? ParsedGuid => ProcessGuid.TryParse(Id, out var guid) ? guid : null;

    /// <summary>
    /// When the process started: <c>start</c>, or, for documents that send -1 there, the creation time packed into the GUID (cbapi's rule).
    /// </summary>
    public DateTimeOffset? StartTime => Start ?? ParsedGuid?.CreateTime;

    /// <summary><c>comms_ip</c> as a dotted IPv4 address (the server sends a signed 32-bit integer).</summary>
    public string? CommsIpAddress => CommsIp is int value ? IpAddressText.FromInt32(value) : null;

    /// <summary><c>interface_ip</c> as a dotted IPv4 address (the server sends a signed 32-bit integer).</summary>
    public string? InterfaceIpAddress => InterfaceIp is int value ? IpAddressText.FromInt32(value) : null;

    /// <summary><c>cmdline</c>, or the path when the server sent no command line (cbapi's fallback).</summary>
    public string? CommandLineOrPath => string.IsNullOrEmpty(Cmdline) ? Path : Cmdline;
}
