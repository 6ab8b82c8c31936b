using System.CommandLine;

namespace CbTyped.Cli.Infrastructure;

/// <summary>Options every command takes (recursive, so they may come before or after the command name).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Profile = new("--profile", "-p")
    {
        Description = "Credentials profile in ~/.carbonblack/credentials.response (cbapi's files).",
        DefaultValueFactory = _ => CbCredentialStore.DefaultProfile,
        Recursive = true,
    };

    public static readonly Option<Uri?> Url = new("--url")
    {
        Description = "Server URL; with --token, used instead of a profile (also CBAPI_URL).",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "API token; with --url, used instead of a profile (also CBAPI_TOKEN).",
        Recursive = true,
    };

    public static readonly Option<bool> NoVerify = new("--no-verify")
    {
        Description = "Do not verify the server's TLS certificate (like ssl_verify = False).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write JSON to standard output for scripts, instead of tables.",
        Recursive = true,
    };

    public static readonly Option<bool> NoProgress = new("--no-progress")
    {
        Description = "Never draw a progress bar.",
        Recursive = true,
    };

    public static readonly Option<int> Timeout = new("--timeout")
    {
        Description = "Seconds one HTTP request may take.",
        DefaultValueFactory = _ => 120,
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Profile);
        root.Options.Add(Url);
        root.Options.Add(Token);
        root.Options.Add(NoVerify);
        root.Options.Add(Json);
        root.Options.Add(NoProgress);
        root.Options.Add(Timeout);
    }
}
