namespace CbTyped.Cli.Infrastructure;

/// <summary>The exit codes scripts can rely on (docs/cli.md lists them). Never renumber one.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Anything not covered below (a bug in cbtyped, an unexpected I/O failure).</summary>
    public const int Failure = 1;
    /// <summary>Bad command line: unknown command or option, missing or malformed value.</summary>
    public const int Usage = 2;
    /// <summary>No usable credentials: missing profile, unreadable or malformed credentials file, http URL refused.</summary>
    public const int Credentials = 3;
    /// <summary>The server refused the API token (401/403).</summary>
    public const int Unauthorized = 4;
    /// <summary>The object asked for does not exist (404, or no process/binary/sensor matches the key).</summary>
    public const int NotFound = 5;
    /// <summary>The query text is not valid Cb query syntax.</summary>
    public const int QuerySyntax = 6;
    /// <summary>The server failed (5xx) or sent something that is not a valid answer; or refused a request (other 4xx).</summary>
    public const int ServerError = 7;
    /// <summary>The server could not be reached or did not answer in time (connection, TLS, timeout).</summary>
    public const int Unreachable = 8;
    /// <summary>The output file exists and <c>--force</c> was not given; it was left untouched.</summary>
    public const int OutputExists = 9;
    /// <summary>A name given for one object matches several (a sensor host name several sensors have); they are listed.</summary>
    public const int Ambiguous = 10;
    /// <summary>Interrupted by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
