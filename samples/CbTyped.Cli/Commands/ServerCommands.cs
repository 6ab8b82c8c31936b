using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped server info</c>: the server's version and what it supports.</summary>
internal static class ServerCommands
{
    public static Command Create(CommandRunner runner)
    {
        var server = new Command("server", "The Cb Response server itself.");
        var info = new Command("info", "Show the server's version and the features CbTyped uses (/api/info).");
        runner.SetAction(info, InfoAsync);
        server.Subcommands.Add(info);
        return server;
    }

    private static async Task<int> InfoAsync(CommandContext context)
    {
        var info = await context.Client.GetServerInfoAsync(context.CancellationToken).ConfigureAwait(false);
        if (context.Output.Json)
        {
            context.Output.WriteJson(w => info.Document.WriteTo(w));
            return ExitCodes.Success;
        }
        TableWriter.WriteRecord(context.Output.Output,
        [
            ("Server", context.Client.Url.ToString()),
            ("Version", info.VersionText),
            ("Event API", "v" + info.ProcessEventApiVersion.ToString(CultureInfo.InvariantCulture)),
            ("Banning", YesNo(info.BanningEnabled)),
            ("Live Response", YesNo(info.LiveResponseEnabled)),
            ("Max search rows", info.MaxSearchResultRows?.ToString(CultureInfo.InvariantCulture)),
            ("Legacy 5.x mode", YesNo(info.IsLegacy5xMode)),
        ]);
        return ExitCodes.Success;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
