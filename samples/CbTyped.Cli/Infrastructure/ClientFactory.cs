using System.CommandLine;

namespace CbTyped.Cli.Infrastructure;

/// <summary>Builds the <see cref="CbResponseClient"/> a command uses from the global options, the environment or a profile.</summary>
internal static class ClientFactory
{
    /// <param name="parse">The command line.</param>
    /// <param name="globals">Its global options.</param>
    /// <param name="error">Standard error: the credentials store's warnings (a file others can read) go there.</param>
    public static CbResponseClient Create(ParseResult parse, GlobalOptions globals, TextWriter error)
    {
        var url = GlobalOptions.ParseUrl(parse.GetValue(globals.Url));
        var token = parse.GetValue(globals.Token);
        if ((url is null) != (token is null))
            throw new CliUsageException("--url and --token go together; give both, or neither to use a profile.");

        var credentials = url is not null && token is not null
            ? new CbCredentials(url, token) { Source = "command line" }
            : CbCredentialStore.Resolve(parse.GetValue(globals.Profile), CredentialFiles(parse, globals), new WarningLogger(error));

        return Create(credentials, parse, globals, error);
    }

    /// <summary>A client for these credentials, with the global options' timeout, TLS, http and logging settings (also <c>configure</c>'s check).</summary>
    public static CbResponseClient Create(CbCredentials credentials, ParseResult parse, GlobalOptions globals, TextWriter error)
    {
        var timeout = parse.GetValue(globals.Timeout);
        if (timeout <= 0)
            throw new CliUsageException("--timeout must be a positive number of seconds.");

        // The SDK's own message names its C# option; a CLI user needs the flag.
        if (credentials.Url.Scheme == Uri.UriSchemeHttp && !credentials.Url.IsLoopback && !parse.GetValue(globals.AllowInsecureHttp))
            throw new CbCredentialsException(
                $"Server URL {credentials.Url} (from {credentials.Source}) is plain http; the token would travel unencrypted. " +
                "Use https, or pass --allow-insecure-http to accept it anyway.");

        var options = new CbResponseClientOptions
        {
            Timeout = TimeSpan.FromSeconds(timeout),
            ApplicationId = "cbtyped-cli",
            // Plain http to loopback (the emulator) is accepted by the SDK itself; elsewhere only with the flag.
            AllowInsecureHttp = parse.GetValue(globals.AllowInsecureHttp),
        };
        if (parse.GetValue(globals.Verbose))
            options.LoggerFactory = new ErrorStreamLoggerFactory(error, credentials.Token);
        if (parse.GetValue(globals.NoVerify))
            options.VerifyServerCertificate = false;
        if (credentials.Url.Scheme == Uri.UriSchemeHttps)
            SystemTrustStore.SkipWhenUnused(options.VerifyServerCertificate ?? credentials.SslVerify, credentials.SslCertFile,
                parse.GetValue(globals.Verbose) ? line => error.WriteLine("cbtyped: debug: " + line) : null);
        return new CbResponseClient(credentials, options);
    }

    private static string[]? CredentialFiles(ParseResult parse, GlobalOptions globals)
    {
        if (parse.GetValue(globals.CredentialsFile) is not { } file)
            return null; // cbapi's lookup: the environment, else its three files
        if (!File.Exists(file))
            throw new CbCredentialsException($"Credentials file {Path.GetFullPath(file)} not found.");
        return [file];
    }
}
