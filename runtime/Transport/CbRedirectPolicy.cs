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
    /// A caller's own handler follows redirects itself; if the final URL is not one this policy would have reached, the
    /// answer is not the one asked for (and the token may already have gone there): refuse it.
    /// </summary>
    public void CheckFollowedByHandler(HttpResponseMessage response, HttpMethod method, string pathAndQuery, Uri requested)
    {
        var final = response.RequestMessage?.RequestUri;
        if (final is null || final == requested)
            return;
        if (RefusalFor(method, final) is { } reason)
        {
            response.Dispose();
            throw Refused("(followed by the caller's HttpClient or handler)", null, method.Method, pathAndQuery, final, reason);
        }
    }

    /// <summary>Why a redirect of <paramref name="method"/> to <paramref name="target"/> is refused, or null to follow it.</summary>
    private string? RefusalFor(HttpMethod method, Uri target)
    {
        if (origin.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps)
            return $"it downgrades {origin.Scheme} to {target.Scheme}";
        if (!SameOrigin(target))
            return "it leads to another origin than the configured server " + Origin(origin);
        if (target.UserInfo.Length > 0)
            return "the target carries user information";
        if (method != HttpMethod.Get && method != HttpMethod.Head)
            return $"a {method.Method} is never redirected (it would act on a path the caller did not name)";
        if (!follow)
            return "CbResponseClientOptions.FollowRedirects is off";
        return null;
    }

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
