using System.CommandLine;
using CbTyped.Emulator;
using Microsoft.Extensions.Logging;

namespace CbTyped.Examples;

/// <summary>
/// The sample's command line. With no server given it starts the embedded emulator (a 5.2 server, the version the
/// document was recorded against) and prints what the document prints; with a profile or <c>--url</c>/<c>--token</c>
/// it runs against that server and refuses every state-changing step unless <c>--allow-changes</c> is given.
/// </summary>
public static class ExamplesCommand
{
    /// <summary>The root command, printing to <paramref name="output"/> and <paramref name="error"/> (tests pass their own writers).</summary>
    public static RootCommand Create(TextWriter output, TextWriter error) => Create(output, error, CbResponseClient.FromProfile);

    /// <summary>
    /// The root command with the client for <c>--profile NAME</c> made by <paramref name="fromProfile"/> (tests point a
    /// profile at an emulator without touching the user's credential files).
    /// </summary>
    internal static RootCommand Create(TextWriter output, TextWriter error, Func<string, CbResponseClientOptions, CbResponseClient> fromProfile)
    {
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
                        await error.WriteLineAsync("--url and --token go together.");
                        return 2;
                    }

                    using var cb = new CbResponseClient(new Uri(urlText), tokenText, clientOptions);
                    await new Walkthrough(cb, options with { IsRealServer = true }, output).RunAsync(cancellationToken);
                }
                else if (profileName is not null)
                {
                    using var cb = fromProfile(profileName, clientOptions);
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
                await error.WriteLineAsync($"{e.GetType().Name}: {e.Message}");
                return 1;
            }
        });
        return root;
    }
}
