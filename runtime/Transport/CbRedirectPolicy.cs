using System.Globalization;
using System.Net;

namespace CbTyped;

/// <summary>
/// Decides each redirect in the transport (the handler's own following is off): the token may only travel to the
/// configured origin, so a redirect is followed only when it stays on that origin (scheme, host, port), for GET or
/// HEAD, within <see cref="MaxHops"/>, and while following is on. Everything else is a <see cref="CbRedirectException"/>.
/// Why not PUT or DELETE: they are idempotent, but they name one object; following would write or delete another path
/// than the one the caller asked for, and a PUT's body would be sent there. Why not POST: 307/308 re-send the body.
/// </summary>
internal sealed class CbRedirectPolicy(Uri origin, bool follow, string token)
{
    /// <summary>Redirects followed for one request before it is refused as a loop.</summary>
    public const int MaxHops = 5;

    public static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    /// <summary>
    /// The URL to request next for a redirect answer to <paramref name="current"/> after <paramref name="hops"/>
    /// redirects already followed; throws <see cref="CbRedirectException"/> when it must not be followed.
    /// </summary>
    public Uri NextHop(HttpResponseMessage response, HttpMethod method, string pathAndQuery, Uri current, int hops)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location;
        Uri? target = location is null ? null : location.IsAbsoluteUri ? location : new Uri(current, location);
        var reason = status is not (301 or 302 or 303 or 307 or 308) ? $"status {Code(status)} is not a redirect the client follows"
            : target is null ? "the response has no Location header"
            : RefusalFor(method, target) ?? (hops >= MaxHops ? $"more than {MaxHops} redirects (a loop?)" : null);
        if (reason is null)
            return target!;
        throw Refused(Code(status), status, method.Method, pathAndQuery, target, reason);
    }

    /// <summary>
    /// A caller's own handler may follow redirects itself (and its other handlers may rewrite the URL). The answer is
    /// refused when it came from another origin, from a downgraded scheme, or for a request that is no longer what was
    /// sent: a POST/PUT/DELETE moved to another path, or turned into a GET (what a 302 does to a POST). The token may
    /// already have gone there; this only stops the answer from being taken for the configured server's.
    /// </summary>
    public void CheckFollowedByHandler(HttpResponseMessage response, HttpMethod method, string pathAndQuery, Uri requested)
    {
        var sent = response.RequestMessage;
        if (sent?.RequestUri is not { } final || (final == requested && sent.Method == method))
            return;
        var reason = OriginRefusal(final)
            ?? (sent.Method != method ? $"the {method.Method} was turned into a {sent.Method.Method}"
            : !IsSafe(method) && final.AbsolutePath != requested.AbsolutePath ? $"a {method.Method} was moved to another path"
            : null);
        if (reason is null)
            return;
        response.Dispose();
        throw Refused("(followed by the caller's HttpClient or handler)", null, method.Method, pathAndQuery, final, reason);
    }

    /// <summary>Why a redirect of <paramref name="method"/> to <paramref name="target"/> is refused, or null to follow it.</summary>
    private string? RefusalFor(HttpMethod method, Uri target) =>
        OriginRefusal(target)
        ?? (!IsSafe(method) ? $"a {method.Method} is never redirected (it would act on a path the caller did not name)"
        : !follow ? "CbResponseClientOptions.FollowRedirects is off"
        : null);

    /// <summary>Why the token must not go to <paramref name="target"/>, or null when it is the configured origin.</summary>
    private string? OriginRefusal(Uri target) =>
        origin.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps ? $"it downgrades {origin.Scheme} to {target.Scheme}"
        : !SameOrigin(target) ? "it leads to another origin than the configured server " + Origin(origin)
        : target.UserInfo.Length > 0 ? "the target carries user information"
        : null;

    private static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    private bool SameOrigin(Uri target) =>
        target.IsAbsoluteUri && string.Equals(Origin(origin), Origin(target), StringComparison.OrdinalIgnoreCase);

    private static string Origin(Uri uri) => uri.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.UriEscaped);

    private CbRedirectException Refused(string statusText, int? status, string method, string pathAndQuery, Uri? target, string reason)
    {
        var shown = target is null ? null : Redact(target);
        return new CbRedirectException(
            $"Refused the redirect {statusText} for {method} {pathAndQuery} to {shown?.OriginalString ?? "(no Location)"}: {reason}. " +
            $"The API token is sent to {Origin(origin)} only.",
            status, method, pathAndQuery, shown);
    }

    /// <summary>A hostile server may echo the token into the URL; it must not reach an exception message.</summary>
    private Uri Redact(Uri target)
    {
        var text = target.OriginalString;
        return token.Length == 0 || !text.Contains(token, StringComparison.Ordinal)
            ? target
            : new Uri(text.Replace(token, "REDACTED", StringComparison.Ordinal), UriKind.RelativeOrAbsolute);
    }

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);
}
