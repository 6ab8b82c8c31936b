using System.Globalization;

namespace CbTyped.Response;

/// <summary>
/// A Cb Response console address — what the web UI's address bar shows, pasted from a ticket or a chat — read into
/// what it points at (cbapi's <c>from_ui</c>): a process, binary, watchlist, investigation or threat report by its
/// key, or a process, binary, alert or threat report search by its query string. The page is the part after
/// <c>#</c>: <c>analyze/{guid}/{segment}</c>, <c>binary/{md5}</c>, <c>watchlist/{id}</c>, <c>investigation/{id}</c>,
/// <c>threat-details/{feed}/{id}</c>, <c>search/…</c>, <c>binaries/…</c>, <c>alerts/…</c>, <c>threats/…</c>, or
/// <c>login</c>/nothing for the console itself.
/// </summary>
public sealed class CbConsoleUrl
{
    private CbConsoleUrl(CbConsoleUrlKind kind, string? key, string? queryString)
    {
        Kind = kind;
        Key = key;
        QueryString = queryString;
    }

    /// <summary>What the address shows.</summary>
    public CbConsoleUrlKind Kind { get; }

    /// <summary>
    /// The object's key as <c>GetAsync</c> takes it: <c>"{guid}/{segment}"</c> for a process, the MD5 for a binary,
    /// the id for a watchlist or investigation, <c>"{feed}/{id}"</c> for a threat report; null for a search or the console.
    /// </summary>
    public string? Key { get; }

    /// <summary>A search's query string (<c>cb.urlver=1&amp;q=…</c>), null for anything else.</summary>
    public string? QueryString { get; }

    /// <summary>
    /// Reads <paramref name="consoleUrl"/>, which must be an address of the server at <paramref name="serverUrl"/>
    /// (same scheme, host and port; cbapi's rule, so a link to another server is not run against this one).
    /// </summary>
    /// <exception cref="CbApiException">Another server's address, a page without the id it needs, or a page the
    /// console does not have (cbapi's messages).</exception>
    public static CbConsoleUrl Parse(Uri serverUrl, string consoleUrl)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        ArgumentNullException.ThrowIfNull(consoleUrl);
        if (!Uri.TryCreate(consoleUrl, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Scheme, serverUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.Host, serverUrl.Host, StringComparison.OrdinalIgnoreCase)
            || uri.Port != serverUrl.Port)
        {
            throw new CbApiException($"Invalid URL provided: {consoleUrl} is not an address of {serverUrl.GetLeftPart(UriPartial.Authority)}");
        }

        // The fragment keeps its own '?' and '/' (a search's query string may hold both).
        string page = uri.Fragment.TrimStart('#').TrimStart('/');
        if (page.Length == 0 || page == "login")
            return new CbConsoleUrl(CbConsoleUrlKind.Console, null, null);
        int end = page.IndexOfAny(['/', '?']);
        string name = end < 0 ? page : page[..end];
        string rest = end < 0 ? string.Empty : page[(end + 1)..];
        return name switch
        {
            "search" => new(CbConsoleUrlKind.ProcessSearch, null, rest),
            "binaries" => new(CbConsoleUrlKind.BinarySearch, null, rest),
            "alerts" => new(CbConsoleUrlKind.AlertSearch, null, rest),
            "threats" => new(CbConsoleUrlKind.ThreatReportSearch, null, rest),
            "analyze" => new(CbConsoleUrlKind.Process, ProcessKey(Ids(rest, 2, consoleUrl)), null),
            "binary" => new(CbConsoleUrlKind.Binary, Ids(rest, 1, consoleUrl)[0], null),
            "watchlist" => new(CbConsoleUrlKind.Watchlist, Ids(rest, 1, consoleUrl)[0], null),
            "investigation" => new(CbConsoleUrlKind.Investigation, Ids(rest, 1, consoleUrl)[0], null),
            "threat-details" => new(CbConsoleUrlKind.ThreatReport, string.Join('/', Ids(rest, 2, consoleUrl)), null),
            _ => throw new CbApiException($"Unknown URL endpoint: {name} (in {consoleUrl})"),
        };
    }

    /// <summary>The process this address shows (through the identity cache).</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    public Task<Process> GetProcessAsync(CbResponseClient client, CancellationToken cancellationToken = default) =>
        Require(client, CbConsoleUrlKind.Process).GetAsync<Process>(Key!, cancellationToken);

    /// <summary>The binary this address shows.</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    public Task<Binary> GetBinaryAsync(CbResponseClient client, CancellationToken cancellationToken = default) =>
        Require(client, CbConsoleUrlKind.Binary).GetAsync<Binary>(Key!, cancellationToken);

    /// <summary>The watchlist this address shows.</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    public Task<Watchlist> GetWatchlistAsync(CbResponseClient client, CancellationToken cancellationToken = default) =>
        Require(client, CbConsoleUrlKind.Watchlist).GetAsync<Watchlist>(Key!, cancellationToken);

    /// <summary>The threat report this address shows.</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    public Task<ThreatReport> GetThreatReportAsync(CbResponseClient client, CancellationToken cancellationToken = default) =>
        Require(client, CbConsoleUrlKind.ThreatReport).GetAsync<ThreatReport>(Key!, cancellationToken);

    /// <summary>The investigation this address shows (cbapi selects it from the list by id).</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    /// <exception cref="CbApiException">The id is not a number.</exception>
    public Task<Investigation> GetInvestigationAsync(CbResponseClient client, CancellationToken cancellationToken = default)
    {
        var session = Require(client, CbConsoleUrlKind.Investigation);
        return int.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? session.GetAsync<Investigation>(Key!, cancellationToken)
            : throw new CbApiException($"Investigation id '{Key}' is not a number.");
    }

    /// <summary>The process search this address shows: its query text, sort and filters.</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    public CbQuery<Process> SearchProcesses(CbResponseClient client) =>
        StoredQueryString.Apply(Require(client, CbConsoleUrlKind.ProcessSearch).Select<Process>(), QueryString);

    /// <summary>The binary search this address shows.</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    public CbQuery<Binary> SearchBinaries(CbResponseClient client) =>
        StoredQueryString.Apply(Require(client, CbConsoleUrlKind.BinarySearch).Select<Binary>(), QueryString);

    /// <summary>The alert search this address shows.</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    public CbQuery<Alert> SearchAlerts(CbResponseClient client) =>
        StoredQueryString.Apply(Require(client, CbConsoleUrlKind.AlertSearch).Select<Alert>(), QueryString);

    /// <summary>The threat report search this address shows.</summary>
    /// <exception cref="InvalidOperationException">The address shows something else.</exception>
    public CbQuery<ThreatReport> SearchThreatReports(CbResponseClient client) =>
        StoredQueryString.Apply(Require(client, CbConsoleUrlKind.ThreatReportSearch).Select<ThreatReport>(), QueryString);

    /// <inheritdoc/>
    public override string ToString() => Kind + (Key is null ? "" : " " + Key) + (QueryString is null ? "" : " ?" + QueryString);

    private CbResponseClient Require(CbResponseClient client, CbConsoleUrlKind kind)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Kind == kind
            ? client
            : throw new InvalidOperationException($"This console address shows {Kind}, not {kind}.");
    }

    private static string ProcessKey(string[] ids) =>
        long.TryParse(ids[1], NumberStyles.None, CultureInfo.InvariantCulture, out long segment)
            ? Process.KeyFor(ids[0], segment)
            : throw new CbApiException($"Process segment '{ids[1]}' is not a number.");

    /// <summary>The first <paramref name="count"/> path parts after the page name, each unescaped.</summary>
    private static string[] Ids(string rest, int count, string consoleUrl)
    {
        var parts = rest.Split('?', 2)[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= count
            ? [.. parts.Take(count).Select(Uri.UnescapeDataString)]
            : throw new CbApiException($"URL endpoint does not include a unique ID: {consoleUrl}");
    }
}
