namespace CbTyped.Response;

/// <summary>What a console (web UI) address shows; see <see cref="CbConsoleUrl"/>.</summary>
public enum CbConsoleUrlKind
{
    /// <summary>The console itself: no page, or the login page.</summary>
    Console,

    /// <summary><c>#/analyze/{guid}/{segment}</c>: a process.</summary>
    Process,

    /// <summary><c>#/binary/{md5}</c>: a binary.</summary>
    Binary,

    /// <summary><c>#/watchlist/{id}</c>: a watchlist.</summary>
    Watchlist,

    /// <summary><c>#/investigation/{id}</c>: an investigation.</summary>
    Investigation,

    /// <summary><c>#/threat-details/{feed}/{id}</c>: a threat report.</summary>
    ThreatReport,

    /// <summary><c>#/search/{query string}</c>: a process search.</summary>
    ProcessSearch,

    /// <summary><c>#/binaries/{query string}</c>: a binary search.</summary>
    BinarySearch,

    /// <summary><c>#/alerts/{query string}</c>: an alert search.</summary>
    AlertSearch,

    /// <summary><c>#/threats/{query string}</c>: a threat report search.</summary>
    ThreatReportSearch,
}
