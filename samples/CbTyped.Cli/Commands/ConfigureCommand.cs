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
        var command = new Command("configure", "Write a credentials profile (url, token, ssl_verify) that cbtyped, CbTyped and cbapi read.");
        command.Options.Add(tokenFromStdin);
        command.Options.Add(file);
        runner.SetAction(command, context => RunAsync(context, tokenFromStdin, file));
        return command;
    }

    private static Task<int> RunAsync(CommandContext context, Option<bool> tokenFromStdin, Option<string?> file)
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
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"Wrote profile '{profile}' to {Path.GetFullPath(path)} (mode 0600).");
        }
        return Task.FromResult(ExitCodes.Success);
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
