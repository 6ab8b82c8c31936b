using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>Console addresses from and to the SDK: cbapi's <c>from_ui</c>, and a query's page in the console.</summary>
public static class CbConsoleUrlExtensions
{
    /// <summary>Reads a console address of this client's server (see <see cref="CbConsoleUrl.Parse"/>).</summary>
    /// <exception cref="CbApiException">Another server's address, or a page this cannot read.</exception>
    public static CbConsoleUrl ParseConsoleUrl(this CbResponseClient client, string consoleUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        return CbConsoleUrl.Parse(client.Url, consoleUrl);
    }

    /// <summary>
    /// The console page of this process search: <c>{server}/#/search/cb.urlver=1&amp;q=…</c> with the query's raw
    /// parameters (its sort is the console's own); <see cref="CbConsoleUrl.SearchProcesses"/> reads it back.
    /// </summary>
    public static Uri GetConsoleLink(this CbQuery<Process> query, CbResponseClient client) => Link(query, client, "search");

    /// <summary>The console page of this binary search (<c>#/binaries/…</c>).</summary>
    public static Uri GetConsoleLink(this CbQuery<Binary> query, CbResponseClient client) => Link(query, client, "binaries");

    /// <summary>The console page of this alert search (<c>#/alerts/…</c>).</summary>
    public static Uri GetConsoleLink(this CbQuery<Alert> query, CbResponseClient client) => Link(query, client, "alerts");

    /// <summary>The console page of this threat report search (<c>#/threats/…</c>).</summary>
    public static Uri GetConsoleLink(this CbQuery<ThreatReport> query, CbResponseClient client) => Link(query, client, "threats");

    private static Uri Link<T>(CbQuery<T> query, CbResponseClient client, string page)
        where T : CbModel, ICbModel<T>
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(client);
        var text = "cb.urlver=1&q=" + UrlQueryString.FormEncode(query.QueryText);
        foreach (var (name, value) in query.Parameters)
            text += "&" + UrlQueryString.FormEncode(name) + "=" + UrlQueryString.FormEncode(value);
        return new Uri(client.Url.ToString().TrimEnd('/') + "/#/" + page + "/" + text);
    }
}
