using Microsoft.Extensions.Configuration;

namespace CbTyped.Extensions.DependencyInjection;

/// <summary>
/// One client's settings as read from a configuration section (e.g. <c>appsettings.json</c>'s <c>"CbResponse:prod"</c>):
/// the server and token, or a credentials profile, and the client options most deployments set. Read without
/// reflection (trim and AOT safe); validated when the host starts.
/// </summary>
/// <example>
/// <code>
/// "CbResponse": {
///   "prod": { "Url": "https://cb.example.com", "Token": "...", "Timeout": "00:01:00", "MaxRetries": 2 },
///   "lab":  { "Profile": "lab" }
/// }
/// </code>
/// </example>
public sealed class CbResponseClientSettings
{
    /// <summary>The configuration path the settings were read from (for error messages), e.g. <c>CbResponse:prod</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary><c>Url</c>: the server's URL; with <see cref="Token"/>, instead of a profile.</summary>
    public string? Url { get; set; }

    /// <summary><c>Token</c>: the API token; with <see cref="Url"/>. Best kept in a secret store, not in a file.</summary>
    public string? Token { get; set; }

    /// <summary><c>Profile</c>: a profile of cbapi's credentials files (<c>~/.carbonblack/credentials.response</c>, ...).</summary>
    public string? Profile { get; set; }

    /// <summary><c>Timeout</c> (a TimeSpan, e.g. <c>00:02:00</c>): <see cref="CbResponseClientOptions.Timeout"/>.</summary>
    public string? Timeout { get; set; }

    /// <summary><c>MaxRetries</c>: <see cref="CbRetryOptions.MaxRetries"/>.</summary>
    public string? MaxRetries { get; set; }

    /// <summary><c>AllowInsecureHttp</c> (true/false): <see cref="CbResponseClientOptions.AllowInsecureHttp"/>.</summary>
    public string? AllowInsecureHttp { get; set; }

    /// <summary><c>VerifyServerCertificate</c> (true/false): <see cref="CbResponseClientOptions.VerifyServerCertificate"/>.</summary>
    public string? VerifyServerCertificate { get; set; }

    /// <summary><c>CaCertificateFile</c>: <see cref="CbResponseClientOptions.CaCertificateFile"/>.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary><c>ApplicationId</c>: <see cref="CbResponseClientOptions.ApplicationId"/>.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Copies the section's values (missing keys stay null).</summary>
    public static CbResponseClientSettings Read(IConfiguration configuration)
    {
        var settings = new CbResponseClientSettings();
        settings.ReadFrom(configuration);
        return settings;
    }

    /// <summary>Sets every property from the section (a missing key sets null).</summary>
    internal void ReadFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Path = (configuration as IConfigurationSection)?.Path ?? "";
        Url = configuration[nameof(Url)];
        Token = configuration[nameof(Token)];
        Profile = configuration[nameof(Profile)];
        Timeout = configuration[nameof(Timeout)];
        MaxRetries = configuration[nameof(MaxRetries)];
        AllowInsecureHttp = configuration[nameof(AllowInsecureHttp)];
        VerifyServerCertificate = configuration[nameof(VerifyServerCertificate)];
        CaCertificateFile = configuration[nameof(CaCertificateFile)];
        ApplicationId = configuration[nameof(ApplicationId)];
    }
}
