namespace CbTyped.Response;

/// <summary>
/// The server could not list a process's threat-intel hits because IOC sharing is not set up on it (cbapi's
/// <c>Sharing IOCs not set up in Cb server. See &lt;server&gt;/#/share for more information.</c>).
/// </summary>
public sealed class ThreatIntelSharingNotSetUpException : CbApiException
{
    /// <summary>Creates the error for the server at <paramref name="serverUrl"/>, keeping the server's answer.</summary>
    public ThreatIntelSharingNotSetUpException(Uri serverUrl, CbServerException serverError)
        : base(MessageFor(serverUrl), serverError?.StatusCode, serverError?.ServerMessage, serverError?.Method, serverError?.Path, serverError)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        SharingSettingsUrl = new Uri(serverUrl.ToString().TrimEnd('/') + "/#/share");
    }

    /// <summary>The console page where sharing is set up (<c>{server}/#/share</c>).</summary>
    public Uri SharingSettingsUrl { get; }

    private static string MessageFor(Uri serverUrl) =>
        "Sharing IOCs not set up in Cb server. See " + serverUrl?.ToString().TrimEnd('/') + "/#/share for more information.";
}
