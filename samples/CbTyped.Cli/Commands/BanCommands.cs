using System.CommandLine;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped ban list|add|remove</c>: MD5 banning.</summary>
internal static class BanCommands
{
    private static readonly Column<BannedHash>[] Columns =
    [
        new("MD5", b => b.Md5hash),
        new("Enabled", b => Formats.YesNo(b.Enabled)),
        new("Blocks", b => Formats.Number(b.BlockCount), AlignRight: true),
        new("By", b => b.Username),
        new("Since (UTC)", b => Formats.Date(b.Timestamp)),
        new("Reason", b => b.Text),
    ];

    public static Command Create(CommandRunner runner)
    {
        var ban = new Command("ban", "Banned MD5 hashes.");

        var all = new Option<bool>("--all") { Description = "Also list bans that were lifted (disabled)." };
        var list = new Command("list", "List banned hashes.") { all };
        runner.SetAction(list, c => ListAsync(c, c.Get(all)));
        ban.Subcommands.Add(list);

        var md5 = new Argument<string>("md5") { Description = "The MD5 to ban." };
        var text = new Option<string?>("--text") { Description = "Why it is banned." };
        var add = new Command("add", "Ban an MD5 (or re-enable a lifted ban).") { md5, text };
        runner.SetAction(add, c => AddAsync(c, c.Get(md5), c.Get(text)));
        ban.Subcommands.Add(add);

        var removeMd5 = new Argument<string>("md5") { Description = "The MD5 whose ban to lift." };
        var remove = new Command("remove", "Lift a ban (the server keeps it, disabled, for the audit trail).") { removeMd5 };
        runner.SetAction(remove, c => RemoveAsync(c, c.Get(removeMd5)));
        ban.Subcommands.Add(remove);
        return ban;
    }

    private static async Task<int> ListAsync(CommandContext context, bool all)
    {
        await ModelList.WriteAsync(context.Output, context.Client.Select<BannedHash>(), Columns, context.CancellationToken,
            filter: all ? null : b => b.Enabled != false).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> AddAsync(CommandContext context, string md5, string? text)
    {
        var key = NormalizeMd5(md5);
        var existing = await context.Client.Select<BannedHash>().ToListAsync(context.CancellationToken).ConfigureAwait(false);
        var ban = existing.FirstOrDefault(b => string.Equals(b.Md5hash, key, StringComparison.OrdinalIgnoreCase));
        if (ban is { Enabled: true })
        {
            // Already banned: said once, and success (the state asked for holds), as `gh`/`kubectl apply` do.
            Show(context, ban, "already banned");
            return ExitCodes.Success;
        }
        else if (ban is not null)
        {
            if (text is not null)
                ban.Text = text;
            await ban.EnableAsync(context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            ban = context.Client.Create<BannedHash>();
            ban.Md5hash = key;
            ban.Text = text ?? "banned with cbtyped";
            ban.Enabled = true;
            ban = await context.Client.SaveAsync(ban, context.CancellationToken).ConfigureAwait(false);
        }
        Show(context, ban, "banned");
        return ExitCodes.Success;
    }

    private static async Task<int> RemoveAsync(CommandContext context, string md5)
    {
        var ban = await context.GetOrNotFoundAsync<BannedHash>(NormalizeMd5(md5), "ban of").ConfigureAwait(false);
        await ban.DisableAsync(context.CancellationToken).ConfigureAwait(false);
        Show(context, ban, "ban lifted");
        return ExitCodes.Success;
    }

    private static void Show(CommandContext context, BannedHash ban, string what)
    {
        if (context.Output.Json)
            context.Output.WriteJson(w => ModelJson.Write(w, ban));
        else
            context.Output.Output.WriteLine($"{ban.Md5hash}: {what}");
    }

    private static string NormalizeMd5(string md5) =>
        md5.Length == 32 && md5.All(Uri.IsHexDigit)
            ? md5.ToUpperInvariant()
            : throw new CliUsageException($"'{md5}' is not an MD5 (32 hex digits).");
}
