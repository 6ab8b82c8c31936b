using System.Management.Automation;
using System.Net;
using System.Security;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Connect-CbResponse</c>: a connection to a server from a cbapi credentials profile (or <c>CBAPI_URL</c>/<c>CBAPI_TOKEN</c>),
/// or from a URL and a token given as a <see cref="SecureString"/> or in a <see cref="PSCredential"/>'s password.
/// Reads <c>/api/info</c> once to prove the token works, then keeps the connection under its name.
/// </summary>
/// <example>
/// <code>
/// Connect-CbResponse -Profile default
/// </code>
/// <para>Connects with the [default] profile of cbapi's credentials files (or CBAPI_URL/CBAPI_TOKEN when both are set and no profile is named).</para>
/// </example>
/// <example>
/// <code>
/// Connect-CbResponse -Url https://cb.example.com -Token (Read-Host -AsSecureString 'API token') -Name prod
/// </code>
/// <para>Connects with a token typed at a prompt and names the connection prod.</para>
/// </example>
/// <example>
/// <code>
/// Connect-CbResponse https://lab.example.com -Credential (Get-Credential) -Name lab -KeepDefault
/// Get-CbSensor -Connection lab
/// </code>
/// <para>A second server, used with -Connection; the default connection stays as it was.</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "CbResponse", DefaultParameterSetName = ProfileSet)]
[OutputType(typeof(CbConnection))]
public sealed class ConnectCbResponseCommand : PSCmdlet, IDisposable
{
    private const string ProfileSet = "Profile";
    private const string TokenSet = "Token";
    private const string CredentialSet = "Credential";

    /// <summary>The cbapi profile (a <c>[section]</c> of the credentials files). Default: <c>CBAPI_URL</c>/<c>CBAPI_TOKEN</c> when both are set, else <c>default</c>.</summary>
    [Parameter(ParameterSetName = ProfileSet, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Profile { get; set; }

    /// <summary>Credentials files to read instead of cbapi's (<c>/etc/carbonblack/</c>, <c>~/.carbonblack/</c>, <c>./.carbonblack/credentials.response</c>).</summary>
    [Parameter(ParameterSetName = ProfileSet)]
    [ValidateNotNullOrEmpty]
    public string[]? CredentialFile { get; set; }

    /// <summary>The server's URL (https; plain http only to loopback, or with <c>-AllowInsecureHttp</c>).</summary>
    [Parameter(ParameterSetName = TokenSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = CredentialSet, Mandatory = true, Position = 0)]
    public Uri? Url { get; set; }

    /// <summary>The API token, as a SecureString (<c>Read-Host -AsSecureString</c>, a secret vault).</summary>
    [Parameter(ParameterSetName = TokenSet, Mandatory = true)]
    public SecureString? Token { get; set; }

    /// <summary>A credential whose password is the API token (the user name is not used).</summary>
    [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The connection's name, for <c>-Connection</c>. Default: the profile's name, or the URL's host.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Do not verify the server's TLS certificate (test servers with self-signed certificates only).</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Accept an <c>http://</c> URL on a host other than loopback: the token then crosses the network in clear text.</summary>
    [Parameter]
    public SwitchParameter AllowInsecureHttp { get; set; }

    /// <summary>The timeout of each request. Default: 120 seconds.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Keep the current default connection; without it the new connection becomes the default.</summary>
    [Parameter]
    public SwitchParameter KeepDefault { get; set; }

    private readonly CancellationTokenSource _stopping = new();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        CbCredentials credentials;
        try
        {
            credentials = ParameterSetName switch
            {
                TokenSet => new CbCredentials(Url!, new NetworkCredential(string.Empty, Token).Password),
                CredentialSet => new CbCredentials(Url!, Credential!.GetNetworkCredential().Password),
                _ => CbCredentialStore.Resolve(Profile, CredentialFile?.Select(f => GetUnresolvedProviderPathFromPSPath(f))),
            };
        }
        catch (CbApiException ex)
        {
            ThrowTerminatingError(CbErrorRecords.From(ex, Url ?? (object?)Profile));
            return;
        }

        var options = new CbResponseClientOptions
        {
            AllowInsecureHttp = AllowInsecureHttp,
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            ApplicationId = "CbTyped.PowerShell",
        };
        if (SkipCertificateCheck)
            options.VerifyServerCertificate = false;

        CbResponseClient? client = null;
        try
        {
            client = new CbResponseClient(credentials, options);
            var info = client.GetServerInfoAsync(_stopping.Token).GetAwaiter().GetResult();
            var name = Name ?? (ParameterSetName == ProfileSet && credentials.Source != "environment" ? Profile ?? CbCredentialStore.DefaultProfile : credentials.Url.Host);
            var connection = new CbConnection(name, client, credentials.Source, info.Version);
            CbConnectionRegistry.Current.Add(connection, makeDefault: !KeepDefault);
            client = null;
            WriteObject(connection);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (CbApiException ex)
        {
            // The SDK's message says what failed (401: "Invalid API token") and never holds the token.
            ThrowTerminatingError(CbErrorRecords.From(ex, credentials.Url));
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();
}
