namespace CbTyped;

/// <summary>
/// The server answered a redirect (3xx) that the client does not follow. The API token goes to the configured server
/// only, so a redirect is followed only to the same origin (scheme, host and port of the configured URL), for a GET or
/// HEAD, within a few hops, and only while <see cref="CbResponseClientOptions.FollowRedirects"/> is on. Anything else —
/// another host or port, https to http, a POST/PUT/DELETE, a loop, a 3xx without a <c>Location</c> — is this error,
/// before anything is sent to the target. Also raised when a caller's own <see cref="HttpClient"/> or handler followed
/// a redirect the client would have refused (see <see cref="CbResponseClientOptions.HttpClient"/>).
/// </summary>
public sealed class CbRedirectException : CbApiException
{
    /// <summary>Creates a redirect error about one request.</summary>
    public CbRedirectException(string message, int? statusCode, string? method, string? path, Uri? target)
        : base(message, statusCode, null, method, path) => Target = target;

    /// <summary>
    /// Where the server redirected to (absolute, resolved against the request's URL), or null when the response had no
    /// <c>Location</c>. Never holds the API token: a target that repeats it shows <c>REDACTED</c> instead.
    /// </summary>
    public Uri? Target { get; }
}
