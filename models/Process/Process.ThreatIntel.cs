namespace CbTyped.Response;

public partial class Process
{
    /// <summary>
    /// The threat-intelligence feed reports that matched this process segment (cbapi's <c>threat_intel_hits</c>),
    /// through the spec's <c>threat_intel_hits</c> operation.
    /// </summary>
    /// <exception cref="ThreatIntelSharingNotSetUpException">The server answered with a server error: IOC sharing is not set up.</exception>
    public async Task<IReadOnlyList<ThreatIntelHit>> GetThreatIntelHitsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await FetchThreatIntelHitsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CbServerException e) when (e.StatusCode is >= 500 && Client is CbResponseClient client)
        {
            throw new ThreatIntelSharingNotSetUpException(client.Url, e);
        }
    }
}
