using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class ThreatReport
{
    /// <summary>Ignores the report (no more alerts or tags from it): a bulk update of this one report, then a reload.</summary>
    public Task DisableAsync(CancellationToken cancellationToken = default) => SetIgnoredAsync(true, cancellationToken);

    /// <summary>Stops ignoring the report.</summary>
    public Task EnableAsync(CancellationToken cancellationToken = default) => SetIgnoredAsync(false, cancellationToken);
}

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
