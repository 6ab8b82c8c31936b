using System.CommandLine;
using CbTyped;
using CbTyped.Emulator;
using CbTyped.Examples;
using Microsoft.Extensions.Logging;

// The cbapi guide's Cb Response examples in C#. With no credentials it starts the embedded emulator (a 5.2 server,
// the version the document was recorded against) and prints what the document prints.
var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the HTTP log lines (cbapi's DEBUG output)." };
var profile = new Option<string?>("--profile") { Description = "Run against the server of this credentials profile (~/.carbonblack/credentials.response)." };
var url = new Option<string?>("--url", "--cburl") { Description = "Run against this server (needs --token)." };
var token = new Option<string?>("--token", "--apitoken") { Description = "API token for --url." };
var noSslVerify = new Option<bool>("--no-ssl-verify") { Description = "Do not verify the server's TLS certificate." };
var allowChanges = new Option<bool>("--allow-changes") { Description = "Against a real server: allow the steps that ban, isolate, create and move things." };
var downloadDir = new Option<string?>("--download-dir") { Description = "Where the downloaded binary is written (default: a temp folder)." };

var root = new RootCommand("The Cb Response API examples of the cbapi guide, in C# with CbTyped.")
{
    verbose, profile, url, token, noSslVerify, allowChanges, downloadDir,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var output = Console.Out;
    using var loggerFactory = parse.GetValue(verbose)
        ? LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new TextWriterLoggerProvider(output)))
        : null;
    var clientOptions = new CbResponseClientOptions { LoggerFactory = loggerFactory };
    if (parse.GetValue(noSslVerify))
        clientOptions.VerifyServerCertificate = false;

    var options = new WalkthroughOptions
    {
        AllowChanges = parse.GetValue(allowChanges),
        DownloadDirectory = parse.GetValue(downloadDir) ?? new WalkthroughOptions().DownloadDirectory,
    };

    try
    {
        string? urlText = parse.GetValue(url), tokenText = parse.GetValue(token), profileName = parse.GetValue(profile);
        if (urlText is not null || tokenText is not null)
        {
            if (urlText is null || tokenText is null)
            {
                Console.Error.WriteLine("--url and --token go together.");
                return 2;
            }

            using var cb = new CbResponseClient(new Uri(urlText), tokenText, clientOptions);
            await new Walkthrough(cb, options with { IsRealServer = true }, output).RunAsync(cancellationToken);
        }
        else if (profileName is not null)
        {
            using var cb = CbResponseClient.FromProfile(profileName, clientOptions);
            await new Walkthrough(cb, options with { IsRealServer = true }, output).RunAsync(cancellationToken);
        }
        else
        {
            await using var emulator = await CbEmulator.StartAsync(EmbeddedEmulator.Options(), cancellationToken);
            clientOptions.AllowInsecureHttp = true;
            using var cb = new CbResponseClient(emulator.BaseUrl, emulator.Token, clientOptions);
            await new Walkthrough(cb, options, output).RunAsync(cancellationToken);
        }

        return 0;
    }
    catch (CbApiException e)
    {
        Console.Error.WriteLine($"{e.GetType().Name}: {e.Message}");
        return 1;
    }
});
return await root.Parse(args).InvokeAsync();
