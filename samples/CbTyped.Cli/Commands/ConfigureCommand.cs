using System.CommandLine;
using System.Text;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped configure</c>: writes a cbapi-compatible credentials profile (file mode 0600).</summary>
internal static class ConfigureCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tokenFromStdin = new Option<bool>("--token-stdin")
        {
            Description = "Read the API token from the first line of standard input (keeps it out of the shell history).",
        };
        var file = new Option<string?>("--file")
        {
            Description = "The credentials file to write (default: ~/.carbonblack/credentials.response).",
        };
        // Not --no-verify: that global option already means "do not verify the TLS certificate".
        var offline = new Option<bool>("--offline")
        {
            Description = "Write the profile without checking it (by default one request, GET /api/info, must accept the URL and token first).",
        };
        var command = new Command("configure", "Write a credentials profile (url, token, ssl_verify) that cbtyped, CbTyped and cbapi read, once the server accepted it.");
        command.Options.Add(tokenFromStdin);
        command.Options.Add(file);
        command.Options.Add(offline);
        runner.SetAction(command, context => RunAsync(context, tokenFromStdin, file, offline));
        CommandExamples.Add(command,
            "cbtyped configure --url https://cb.example.com --token-stdin < token.txt",
            "cbtyped configure --profile lab --url https://cb.lab:8443 --no-verify",
            "cbtyped configure --url https://cb.example.com --token-stdin --offline < token.txt");
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, Option<bool> tokenFromStdin, Option<string?> file, Option<bool> offline)
    {
        var profile = context.Get(context.Globals.Profile);
        if (string.IsNullOrWhiteSpace(profile) || profile.Contains('[') || profile.Contains(']') || profile.Any(char.IsControl))
            throw new CliUsageException($"'{profile}' is not a usable profile name.");
        var url = GlobalOptions.ParseUrl(context.Get(context.Globals.Url) ?? PromptUrl(context.Output))!;
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            throw new CliUsageException("The server URL must be https (the token would travel in clear text).");

        var token = ReadToken(context, tokenFromStdin);
        // A CR or LF would split the file's line (and the HTTP header the token becomes); the value is never shown.
        if (token.Any(char.IsControl))
            throw new CliUsageException("The token contains a control character (CR, LF, NUL, …); it is not written.");
        var path = context.Get(file) ?? CredentialsFile.DefaultPath;
        var sslVerify = context.Get(context.Globals.NoVerify) ? "False" : "True";
        string? serverVersion = null;
        if (!context.Get(offline))
        {
            // One request with exactly what is about to be written: a wrong URL or token is found now, not at the
            // first real command, and nothing is written.
            try
            {
                using var client = ClientFactory.Create(new CbCredentials(url, token) { Source = "configure" }, context.Parse, context.Globals, context.Output.Error);
                serverVersion = (await client.GetServerInfoAsync(context.CancellationToken).ConfigureAwait(false)).VersionText;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var (code, message) = ErrorReporter.Describe(e);
                context.Output.Error.WriteLine($"cbtyped: {message.TrimEnd('.')}; the profile was not written (--offline writes it without checking).");
                return code;
            }
        }
        CredentialsFile.WriteProfile(path, profile, [("url", url.ToString().TrimEnd('/')), ("token", token), ("ssl_verify", sslVerify)]);

        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("profile", profile);
                w.WriteString("file", Path.GetFullPath(path));
                w.WriteString("url", url.ToString().TrimEnd('/'));
                w.WriteBoolean("ssl_verify", sslVerify == "True");
                if (serverVersion is null)
                    w.WriteNull("verified_server_version");
                else
                    w.WriteString("verified_server_version", serverVersion);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"Wrote profile '{profile}' to {Path.GetFullPath(path)} (mode 0600)"
                + (serverVersion is null ? "; not checked (--offline)." : $"; the server (version {serverVersion}) accepted the token."));
        }
        return ExitCodes.Success;
    }

    private static string PromptUrl(OutputContext output)
    {
        if (Console.IsInputRedirected)
            throw new CliUsageException("Give the server URL with --url.");
        output.Error.Write("Cb Response server URL (https://…): ");
        return Console.ReadLine()?.Trim() ?? "";
    }

    private static string ReadToken(CommandContext context, Option<bool> tokenFromStdin)
    {
        var token = context.Get(context.Globals.Token);
        if (context.Get(tokenFromStdin))
        {
            if (token is not null)
                throw new CliUsageException("Give the token with --token or --token-stdin, not both.");
            token = Console.In.ReadLine();
        }
        else if (token is null)
        {
            if (Console.IsInputRedirected)
                throw new CliUsageException("Give the API token with --token-stdin (or --token).");
            token = ReadHidden(context.Output, "API token: ");
        }
        token = token?.Trim();
        if (string.IsNullOrEmpty(token) || token.Any(char.IsWhiteSpace))
            throw new CliUsageException("The API token is empty or contains spaces.");
        return token;
    }

    private static string ReadHidden(OutputContext output, string prompt)
    {
        output.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                    text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
        output.Error.WriteLine();
        return text.ToString();
    }
}
