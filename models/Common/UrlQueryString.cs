using System.Text;

namespace CbTyped.Response;

/// <summary>
/// Reads and writes URL query strings such as a watchlist's <c>search_query</c>
/// (<c>cb.urlver=1&amp;q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah</c>). Hand-written because
/// <c>System.Web.HttpUtility</c> is not trim-friendly and <c>QueryHelpers</c> would pull ASP.NET Core into the SDK.
/// </summary>
public static class UrlQueryString
{
    /// <summary>The name/value pairs in order; <c>+</c> and <c>%20</c> both decode to a space.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query))
            return pairs;
        var text = query.StartsWith('?') ? query[1..] : query;
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? part : part[..eq];
            string value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    /// <summary>Form-decodes one component (<c>+</c> is a space).</summary>
    public static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));

    /// <summary>
    /// Percent-encodes like Python's <c>urllib.quote</c>, which cbapi's watchlist setter uses:
    /// a space becomes <c>%20</c>, <c>:</c> becomes <c>%3A</c>, <c>/</c> is kept.
    /// </summary>
    public static string Quote(string value) => Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal);

    /// <summary>Form-encodes like Python's <c>urlencode</c> (a space becomes <c>+</c>), as cbapi builds a new watchlist.</summary>
    public static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    /// <summary>Joins pairs as <c>name=value&amp;…</c> with <paramref name="encode"/> applied to each value.</summary>
    public static string Join(IEnumerable<KeyValuePair<string, string>> pairs, Func<string, string> encode)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(encode);
        var text = new StringBuilder();
        foreach (var pair in pairs)
        {
            if (text.Length > 0)
                text.Append('&');
            text.Append(pair.Key).Append('=').Append(encode(pair.Value));
        }

        return text.ToString();
    }
}
