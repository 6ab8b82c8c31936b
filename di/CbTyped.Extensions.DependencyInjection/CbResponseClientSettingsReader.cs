using System.Globalization;

namespace CbTyped.Extensions.DependencyInjection;

/// <summary>
/// Turns <see cref="CbResponseClientSettings"/> into credentials and options, collecting every problem with its
/// configuration key and value (never the token's) instead of stopping at the first.
/// </summary>
internal static class CbResponseClientSettingsReader
{
    public static List<string> Problems(CbResponseClientSettings settings)
    {
        var problems = new List<string>();
        var hasUrl = !string.IsNullOrWhiteSpace(settings.Url);
        var hasToken = !string.IsNullOrWhiteSpace(settings.Token);
        var hasProfile = !string.IsNullOrWhiteSpace(settings.Profile);
        if (hasProfile && (hasUrl || hasToken))
            problems.Add($"{Key(settings, "Profile")} and {Key(settings, "Url")}/{Key(settings, "Token")} are both set; give a profile, or a URL and a token.");
        else if (!hasProfile && (!hasUrl || !hasToken))
            problems.Add($"{Key(settings, "Url")} and {Key(settings, "Token")} are needed (or {Key(settings, "Profile")}, a credentials profile); "
                         + $"{(hasUrl ? "the token" : hasToken ? "the URL" : "neither")} is set.");
        if (hasUrl && (!Uri.TryCreate(settings.Url!.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            problems.Add($"{Key(settings, "Url")} '{settings.Url}' is not an absolute http(s) URL (e.g. https://cb.example.com).");
        Parse(settings, "Timeout", settings.Timeout, s => TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero, "a positive TimeSpan such as 00:02:00", problems);
        Parse(settings, "MaxRetries", settings.MaxRetries, s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _), "a whole number, 0 or more", problems);
        Parse(settings, "AllowInsecureHttp", settings.AllowInsecureHttp, s => bool.TryParse(s, out _), "true or false", problems);
        Parse(settings, "VerifyServerCertificate", settings.VerifyServerCertificate, s => bool.TryParse(s, out _), "true or false", problems);
        return problems;
    }

    public static CbCredentials Credentials(CbResponseClientSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Profile)
            ? new CbCredentials(new Uri(settings.Url!.Trim(), UriKind.Absolute), settings.Token!) { Source = "configuration " + Where(settings) }
            : CbCredentialStore.Resolve(settings.Profile.Trim(), files: null);

    public static void ApplyTo(CbResponseClientSettings settings, CbResponseClientOptions options)
    {
        if (settings.Timeout is { } timeout)
            options.Timeout = TimeSpan.Parse(timeout, CultureInfo.InvariantCulture);
        if (settings.MaxRetries is { } retries)
            options.Retry.MaxRetries = int.Parse(retries, NumberStyles.None, CultureInfo.InvariantCulture);
        if (settings.AllowInsecureHttp is { } insecure)
            options.AllowInsecureHttp = bool.Parse(insecure);
        if (settings.VerifyServerCertificate is { } verify)
            options.VerifyServerCertificate = bool.Parse(verify);
        if (!string.IsNullOrWhiteSpace(settings.CaCertificateFile))
            options.CaCertificateFile = settings.CaCertificateFile;
        if (!string.IsNullOrWhiteSpace(settings.ApplicationId))
            options.ApplicationId = settings.ApplicationId;
    }

    private static void Parse(CbResponseClientSettings settings, string key, string? value, Func<string, bool> valid, string expected, List<string> problems)
    {
        if (value is not null && !valid(value.Trim()))
            problems.Add($"{Key(settings, key)} '{value}' is not {expected}.");
    }

    private static string Key(CbResponseClientSettings settings, string key) => settings.Path.Length == 0 ? key : settings.Path + ":" + key;

    private static string Where(CbResponseClientSettings settings) => settings.Path.Length == 0 ? "(root)" : settings.Path;
}
