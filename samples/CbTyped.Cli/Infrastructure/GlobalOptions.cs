using System.CommandLine;

namespace CbTyped.Cli.Infrastructure;

/// <summary>Options every command takes (recursive, so they may come before or after the command name).
/// One set per command tree: System.CommandLine symbols belong to one parent tree.</summary>
internal sealed class GlobalOptions
{
    public readonly Option<string> Profile = new("--profile", "-p")
    {
        Description = "Credentials profile in ~/.carbonblack/credentials.response (cbapi's files).",
        DefaultValueFactory = _ => CbCredentialStore.DefaultProfile,
        Recursive = true,
    };

    public readonly Option<string?> CredentialsFile = new("--credentials-file")
    {
        Description = "Read the profile from this file only, instead of cbapi's three credentials files.",
        Recursive = true,
    };

    public readonly Option<string?> Url = new("--url")
    {
        Description = "Server URL; with --token, used instead of a profile (also CBAPI_URL).",
        Recursive = true,
    };

    public readonly Option<string?> Token = new("--token")
    {
        Description = "API token; with --url, used instead of a profile (also CBAPI_TOKEN).",
        Recursive = true,
    };

    public readonly Option<bool> NoVerify = new("--no-verify")
    {
        Description = "Do not verify the server's TLS certificate (like ssl_verify = False).",
        Recursive = true,
    };

    public readonly Option<bool> AllowInsecureHttp = new("--allow-insecure-http")
    {
        Description = "Accept an http:// server URL that is not a loopback address (the token travels unencrypted).",
        Recursive = true,
    };

    public readonly Option<bool> Json = new("--json")
    {
        Description = "Write JSON to standard output for scripts, instead of tables.",
        Recursive = true,
    };

    public readonly Option<bool> NoProgress = new("--no-progress")
    {
        Description = "Never draw a progress bar.",
        Recursive = true,
    };

    public readonly Option<int> Timeout = new("--timeout")
    {
        Description = "Seconds one HTTP request may take.",
        DefaultValueFactory = _ => 120,
        Recursive = true,
    };

    public readonly Option<bool> Wide = new("--wide")
    {
        Description = "Show every table cell whole instead of fitting the table to the terminal's width.",
        Recursive = true,
    };

    /// <summary>Hidden: the width tables and the progress bar fit in, instead of COLUMNS or the terminal's (tests).</summary>
    public readonly Option<int?> Width = new("--width")
    {
        Description = "Columns to fit tables in.",
        Hidden = true,
        Recursive = true,
    };

    public readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print the SDK's log lines (each HTTP request, its status and time) on standard error; the token is never shown.",
        Recursive = true,
    };


    /// <summary>The --url value as an absolute http(s) URI, or null when not given.</summary>
    public static Uri? ParseUrl(string? text)
    {
        if (text is null)
            return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new CliUsageException($"{Output.Printable.Quote(text)} is not an http(s) URL (e.g. https://cb.example.com).");
        return url;
    }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Profile);
        root.Options.Add(CredentialsFile);
        root.Options.Add(Url);
        root.Options.Add(Token);
        root.Options.Add(NoVerify);
        root.Options.Add(AllowInsecureHttp);
        root.Options.Add(Json);
        root.Options.Add(NoProgress);
        root.Options.Add(Timeout);
        root.Options.Add(Wide);
        root.Options.Add(Width);
        root.Options.Add(Verbose);
    }
}
