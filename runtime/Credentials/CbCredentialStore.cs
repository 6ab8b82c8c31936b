using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CbTyped;

/// <summary>
/// Finds credentials the way cbapi does: the <c>CBAPI_URL</c>/<c>CBAPI_TOKEN</c>/<c>CBAPI_SSL_VERIFY</c> environment
/// (when no file is named and both variables are set), else a profile of the INI files
/// <c>/etc/carbonblack/credentials.response</c>, <c>~/.carbonblack/credentials.response</c> and
/// <c>./.carbonblack/credentials.response</c>, read in that order. A profile comes whole from one file: the last one
/// that has its <c>[section]</c>, with that file's own <c>[DEFAULT]</c>. Values of different files are never combined,
/// so a <c>./.carbonblack</c> file naming only a <c>url</c> cannot receive the token of the home directory's file.
/// </summary>
public static class CbCredentialStore
{
    /// <summary>The profile used when none is named.</summary>
    public const string DefaultProfile = "default";

    /// <summary>cbapi's credentials files, in reading order.</summary>
    public static IReadOnlyList<string> DefaultFiles { get; } =
    [
        "/etc/carbonblack/credentials.response",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".carbonblack", "credentials.response"),
        Path.Combine(".carbonblack", "credentials.response"),
    ];

    /// <summary>
    /// cbapi's precedence: the environment when <paramref name="files"/> is null and <c>CBAPI_URL</c> and
    /// <c>CBAPI_TOKEN</c> are both set (the profile is then ignored); otherwise <paramref name="profile"/> from the files.
    /// </summary>
    public static CbCredentials Resolve(string? profile = null, IEnumerable<string>? files = null, ILogger? logger = null) =>
        Resolve(profile, files, logger, Environment.GetEnvironmentVariable);

    /// <summary>Reads <c>CBAPI_URL</c>, <c>CBAPI_TOKEN</c> and <c>CBAPI_SSL_VERIFY</c>; null unless both URL and token are set.</summary>
    public static CbCredentials? FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Reads one profile from the credentials files (<see cref="DefaultFiles"/> unless <paramref name="files"/> names
    /// others): every file that exists is parsed, and the profile is taken whole from the last one that has it.
    /// </summary>
    /// <exception cref="CbCredentialsException">No file has the profile, a file does not parse or holds a control
    /// character, or a key is missing or bad.</exception>
    public static CbCredentials LoadProfile(string profile = DefaultProfile, IEnumerable<string>? files = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        logger ??= NullLogger.Instance;
        var searched = (files ?? DefaultFiles).ToList();
        var having = new List<(string File, Dictionary<string, Dictionary<string, IniValue>> Sections)>();
        foreach (var file in searched)
        {
            if (!File.Exists(file))
                continue;
            WarnIfOthersCanRead(file, logger);
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CbCredentialsException($"Cannot read credentials file {file}: {e.Message}", e);
            }
            var sections = IniFile.Parse(text, file);
            if (profile != IniFile.DefaultSection && sections.ContainsKey(profile))
                having.Add((file, sections));
        }

        CbLog.UsingFileCredentialStore(logger);
        if (having.Count == 0)
            throw new CbCredentialsException(
                ProfileNotFoundMessage(profile, searched));

        var (chosen, chosenSections) = having[^1];
        var merged = new Dictionary<string, IniValue>(StringComparer.Ordinal);
        if (chosenSections.TryGetValue(IniFile.DefaultSection, out var defaults))
            foreach (var (k, v) in defaults) merged[k] = v;
        foreach (var (k, v) in chosenSections[profile]) merged[k] = v;
        var ignored = having.Take(having.Count - 1).Select(h => h.File).ToList();
        return FromFileKeys(merged, profile, chosen, ignored);
    }

    internal static CbCredentials Resolve(string? profile, IEnumerable<string>? files, ILogger? logger, Func<string, string?> environment)
    {
        if (files is null && FromEnvironment(environment) is { } fromEnvironment)
        {
            CbLog.UsingEnvironmentCredentialStore(logger ?? NullLogger.Instance);
            return fromEnvironment;
        }
        profile ??= DefaultProfile;
        try
        {
            return LoadProfile(profile, files, logger);
        }
        // Only cbapi's whole lookup (environment, then the default files) found nothing: say every source it tried.
        // The exact message identifies "profile not found" without changing LoadProfile's own error for named files.
        catch (CbCredentialsException e) when (files is null && e.Message == ProfileNotFoundMessage(profile, DefaultFiles))
        {
            throw new CbCredentialsException(NothingFoundMessage(profile, environment), e);
        }
    }

    private static string ProfileNotFoundMessage(string profile, IEnumerable<string> searched) =>
        $"Cannot find credential profile '{profile}' after searching in these files: {string.Join(", ", searched)}.";

    /// <summary>Every source cbapi's lookup tried, in order, and why each gave nothing (never a value).</summary>
    private static string NothingFoundMessage(string profile, Func<string, string?> environment)
    {
        static string State(string? value) => string.IsNullOrEmpty(value) ? "not set" : "set";
        var files = DefaultFiles.Select(f => Path.GetFullPath(f) + (File.Exists(f) ? $" (no [{profile}] profile)" : " (not found)"));
        return "No Cb Response credentials found. Tried, in order: " +
               $"the environment variables CBAPI_URL ({State(environment("CBAPI_URL"))}) and CBAPI_TOKEN " +
               $"({State(environment("CBAPI_TOKEN"))}), used when both are set; then the profile '{profile}' in " +
               string.Join(", ", files) + ". Set both variables, or add the profile to one of these files " +
               "(e.g. `cbtyped configure`), or pass the URL and token to the client.";
    }

    internal static CbCredentials? FromEnvironment(Func<string, string?> environment)
    {
        var url = environment("CBAPI_URL");
        var token = environment("CBAPI_TOKEN");
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(token))
            return null;
        var verify = environment("CBAPI_SSL_VERIFY");
        ControlCharacters.Refuse(url, "The environment variable CBAPI_URL");
        ControlCharacters.Refuse(token, "The environment variable CBAPI_TOKEN");
        if (verify is not null)
            ControlCharacters.Refuse(verify, "The environment variable CBAPI_SSL_VERIFY");
        const string where = "the environment (CBAPI_URL, CBAPI_TOKEN)";
        return new CbCredentials(ParseUrl(url, where), token)
        {
            SslVerify = verify is null || ParseBoolean(verify, "CBAPI_SSL_VERIFY", where),
            Source = "environment",
        };
    }

    // The keys the SDK uses are one-line values: a continuation line (LF) or a tab inside one is refused with its line.
    private static readonly string[] SingleLineKeys =
        ["url", "token", "ssl_verify", "ssl_verify_hostname", "ssl_cert_file", "ssl_force_tls_1_2", "proxy", "ignore_system_proxy", "org_key"];

    private static CbCredentials FromFileKeys(Dictionary<string, IniValue> values, string profile, string file, List<string> ignored)
    {
        foreach (var key in SingleLineKeys)
        {
            if (values.TryGetValue(key, out var value) && ControlCharacters.IndexIn(value.Value) is var index and >= 0)
                throw IniFile.Error(file, value.Line,
                    $"the value of '{key}' contains a {ControlCharacters.Describe(value.Value[index])}{(value.Value[index] == '\n' ? " (a continuation line)" : "")}; control characters are not allowed (value not shown)");
        }

        var source = $"profile '{profile}' in {file}";
        var keys = values.ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal);
        keys.TryGetValue("url", out var url);
        keys.TryGetValue("token", out var token);
        if ((string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(token)) && ignored.Count > 0)
            throw new CbCredentialsException(
                $"Token and/or URL not available for {source}. A profile is read whole from the last file that has it; " +
                $"the '{profile}' of {string.Join(", ", ignored)} is not combined with it.");
        return FromKeys(keys, source);
    }

    private static CbCredentials FromKeys(Dictionary<string, string> keys, string source)
    {
        keys.TryGetValue("url", out var url);
        keys.TryGetValue("token", out var token);
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(token))
            throw new CbCredentialsException($"Token and/or URL not available for {source}.");

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "url", "token", "ssl_verify", "ssl_verify_hostname", "ssl_cert_file", "ssl_force_tls_1_2", "proxy",
            "ignore_system_proxy", "org_key",
        };
        return new CbCredentials(ParseUrl(url, source), token)
        {
            SslVerify = Boolean(keys, "ssl_verify", true, source),
            SslVerifyHostname = Boolean(keys, "ssl_verify_hostname", true, source),
            SslCertFile = NonEmpty(keys, "ssl_cert_file"),
            SslForceTls12 = Boolean(keys, "ssl_force_tls_1_2", false, source),
            Proxy = NonEmpty(keys, "proxy") is { } proxy ? ParseProxy(proxy, source) : null,
            IgnoreSystemProxy = Boolean(keys, "ignore_system_proxy", false, source),
            OrgKey = NonEmpty(keys, "org_key"),
            OtherKeys = keys.Where(k => !known.Contains(k.Key)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal),
            Source = source,
        };

        static string? NonEmpty(Dictionary<string, string> keys, string key) =>
            keys.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
    }

    private static bool Boolean(Dictionary<string, string> keys, string key, bool fallback, string source) =>
        keys.TryGetValue(key, out var value) ? ParseBoolean(value, key, source) : fallback;

    /// <summary>cbapi's (configparser's) spellings, case-insensitive: 1/yes/true/on and 0/no/false/off.</summary>
    internal static bool ParseBoolean(string value, string key, string source) =>
        value.Trim().ToLower(CultureInfo.InvariantCulture) switch
        {
            "1" or "yes" or "true" or "on" => true,
            "0" or "no" or "false" or "off" => false,
            _ => throw new CbCredentialsException(
                $"'{key}' in {source} must be one of 1/yes/true/on or 0/no/false/off, not '{value}'."),
        };

    private static Uri ParseUrl(string url, string source)
    {
        if (!Uri.TryCreate(url.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new CbCredentialsException($"Server URL must be a URL: eg. https://localhost (in {source}).");
        return uri;
    }

    private static Uri ParseProxy(string proxy, string source) =>
        Uri.TryCreate(proxy, UriKind.Absolute, out var uri)
            ? uri
            : throw new CbCredentialsException($"'proxy' in {source} is not a URL: '{proxy}'.");

    /// <summary>cbapi warns when others can read the token; so do we (POSIX systems only).</summary>
    private static void WarnIfOthersCanRead(string file, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
            return;
        var mode = File.GetUnixFileMode(file);
        if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            CbLog.CredentialsFileReadableByOthers(logger, file);
    }
}
