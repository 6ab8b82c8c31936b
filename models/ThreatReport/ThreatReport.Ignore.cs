using System.Globalization;
using System.Text.Json;

namespace CbTyped.Response;

public partial class ThreatReport
{
    /// <summary>Ignores the report (no more alerts or tags from it): a bulk update of this one report, then a reload.</summary>
    public Task DisableAsync(CancellationToken cancellationToken = default) => SetIgnoredAsync(true, cancellationToken);

    /// <summary>Stops ignoring the report.</summary>
    public Task EnableAsync(CancellationToken cancellationToken = default) => SetIgnoredAsync(false, cancellationToken);

    /// <summary>
    /// Sets <c>is_ignored</c> through <c>POST /api/v1/threat_report</c>
    /// (<c>{"ids": {"&lt;feed_id&gt;": ["&lt;id&gt;"]}, "updates": {"is_ignored": …}}</c>), the only way the server
    /// updates a report, then reloads it.
    /// </summary>
    public async Task SetIgnoredAsync(bool ignored, CancellationToken cancellationToken = default)
    {
        var feed = (FeedId ?? throw new InvalidOperationException("This report has no feed_id.")).ToString(CultureInfo.InvariantCulture);
        var id = Id ?? throw new InvalidOperationException("This report has no id.");
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject("ids");
            JsonBody.WriteStrings(w, feed, [id]);
            w.WriteEndObject();
            w.WriteStartObject("updates");
            w.WriteBoolean("is_ignored", ignored);
            w.WriteEndObject();
        });
        var client = this.RequireResponseClient();
        (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/threat_report", body, cancellationToken).ConfigureAwait(false))?.Dispose();
        await RequireClient().RefreshAsync(this, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Bulk threat-report updates over a search (cbapi's <c>ThreatReportQuery.set_ignored</c>).</summary>
public static class ThreatReportBulk
{
    /// <summary>
    /// Ignores (or un-ignores) every report matching <paramref name="queryText"/> in one request:
    /// <c>{"query": "cb.urlver=1&amp;q=…", "updates": {"is_ignored": …}}</c>.
    /// </summary>
    public static async Task SetIgnoredAsync(CbResponseClient client, string queryText, bool ignored = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(queryText);
        var body = JsonBody.Build(w =>
        {
            w.WriteString("query", "cb.urlver=1&q=" + UrlQueryString.Quote(queryText));
            w.WriteStartObject("updates");
            w.WriteBoolean("is_ignored", ignored);
            w.WriteEndObject();
        });
        using JsonDocument? answer = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/threat_report", body, cancellationToken).ConfigureAwait(false);
    }
}
