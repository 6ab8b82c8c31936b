using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>Bulk threat-report updates over a search (cbapi's <c>ThreatReportQuery.set_ignored</c>).</summary>
public static class ThreatReportBulk
{
    /// <summary>
    /// Ignores (or un-ignores) every report matching <paramref name="queryText"/> in one request:
    /// <c>{"query": "cb.urlver=1&amp;q=…", "updates": {"is_ignored": …}}</c>.
    /// </summary>
    public static Task SetIgnoredAsync(ICbModelSession client, string queryText, bool ignored = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(queryText);
        return ThreatReport.SetIgnoredByQueryAsync(client, "cb.urlver=1&q=" + UrlQueryString.Quote(queryText), ignored, cancellationToken);
    }
}
