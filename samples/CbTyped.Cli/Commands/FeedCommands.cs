using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped feed list|enable|disable|sync|hits</c>: threat intelligence feeds.</summary>
internal static class FeedCommands
{
    private static readonly Column<Feed>[] Columns =
    [
        new("ID", f => Formats.Number(f.Id), AlignRight: true),
        new("Name", f => f.Name),
        new("Display name", f => f.DisplayName),
        new("Enabled", f => Formats.YesNo(f.Enabled)),
        new("Category", f => f.Category),
        new("URL", f => f.FeedUrl),
    ];

    public static Command Create(CommandRunner runner)
    {
        var feed = new Command("feed", "Threat intelligence feeds: their reports tag the processes and binaries they match.");

        var list = new Command("list", "List feeds.");
        runner.SetAction(list, ListAsync);
        CommandExamples.Add(list, "cbtyped feed list", "cbtyped feed list --json | jq '.[] | select(.enabled) | .name'");
        feed.Subcommands.Add(list);

        foreach (var enable in new[] { true, false })
        {
            var id = IdArgument();
            var name = enable ? "enable" : "disable";
            var command = new Command(name, enable ? "Enable a feed (the server fetches it and tags what its reports match)." : "Disable a feed (its reports stop tagging and alerting).") { id };
            runner.SetAction(command, c => SetEnabledAsync(c, c.Get(id), enable));
            CommandExamples.Add(command, $"cbtyped feed {name} 3");
            feed.Subcommands.Add(command);
        }

        var syncId = IdArgument();
        var changedOnly = new Option<bool>("--changed-only") { Description = "Fetch only what changed since the last sync (default: every report again)." };
        var sync = new Command("sync", "Ask the server to fetch a feed again now.") { syncId, changedOnly };
        runner.SetAction(sync, c => SyncAsync(c, c.Get(syncId), c.Get(changedOnly)));
        CommandExamples.Add(sync, "cbtyped feed sync 1", "cbtyped feed sync 1 --changed-only");
        feed.Subcommands.Add(sync);

        var hitsId = IdArgument();
        var binaries = new Option<bool>("--binaries") { Description = "The binaries its reports hit (default: the processes)." };
        var minScore = new Option<int?>("--min-score") { Description = "Only hits this feed scored at least this high (default 1)." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many hits.", DefaultValueFactory = _ => 20 };
        var hits = new Command("hits", "The processes (or binaries) a feed's reports hit: alliance_score_<feed>:[min TO *].") { hitsId, binaries, minScore, limit };
        runner.SetAction(hits, c => HitsAsync(c, c.Get(hitsId), c.Get(binaries), c.Get(minScore), c.Get(limit)));
        CommandExamples.Add(hits, "cbtyped feed hits 1", "cbtyped feed hits 1 --binaries --min-score 50 -n 100");
        feed.Subcommands.Add(hits);
        return feed;
    }

    private static Argument<int> IdArgument() => new("id") { Description = "The feed id, as 'cbtyped feed list' shows it." };

    private static async Task<int> ListAsync(CommandContext context)
    {
        await ModelList.WriteAsync(context.Output, context.Client.Select<Feed>(), Columns, context.CancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<Feed> GetAsync(CommandContext context, int id) =>
        await Feed.GetByIdAsync(context.Client, id, context.CancellationToken).ConfigureAwait(false)
            ?? throw new CliNotFoundException($"feed {id.ToString(CultureInfo.InvariantCulture)} not found (see 'cbtyped feed list').");

    private static async Task<int> SetEnabledAsync(CommandContext context, int id, bool enable)
    {
        var feed = await GetAsync(context, id).ConfigureAwait(false);
        var already = feed.Enabled == enable;
        if (!already)
        {
            feed.Enabled = enable;
            feed = await context.Client.SaveAsync(feed, context.CancellationToken).ConfigureAwait(false);
        }
        // Already in the state asked for: said once, and success (as 'ban add' and kubectl apply do).
        Show(context, feed, (already ? "already " : "") + (enable ? "enabled" : "disabled"));
        return ExitCodes.Success;
    }

    private static async Task<int> SyncAsync(CommandContext context, int id, bool changedOnly)
    {
        var feed = await GetAsync(context, id).ConfigureAwait(false);
        await feed.SynchronizeAsync(fullSync: !changedOnly, context.CancellationToken).ConfigureAwait(false);
        Show(context, feed, changedOnly ? "sync of what changed requested" : "full sync requested");
        return ExitCodes.Success;
    }

    private static async Task<int> HitsAsync(CommandContext context, int id, bool binaries, int? minScore, int limit)
    {
        if (limit < 0)
            throw new CliUsageException("--limit must be 0 or more.");
        var feed = await GetAsync(context, id).ConfigureAwait(false);
        // A disabled feed tags nothing, so there is nothing to search: refused like its sync (exit 7), saying how to fix it.
        if (feed.Enabled != true)
            throw new CbInvalidObjectException($"feed {id.ToString(CultureInfo.InvariantCulture)} ({feed.Name}) is disabled, so its reports tag nothing; enable it with 'cbtyped feed enable {id.ToString(CultureInfo.InvariantCulture)}'.");
        int count;
        if (binaries)
        {
            count = await ModelList.WriteAsync(context.Output, feed.SearchBinaries(minScore)!,
                [new Column<Binary>("MD5", b => b.Md5), new("File", b => b.OriginalFilename), new("Company", b => b.CompanyName), new("Hosts", b => Formats.Number(b.HostCount), AlignRight: true)],
                context.CancellationToken, limit, "searching", "binaries").ConfigureAwait(false);
            context.Output.Note(Counted.Listed(count, limit, "binary", "binaries"));
        }
        else
        {
            count = await ModelList.WriteAsync(context.Output, feed.SearchProcesses(minScore)!,
                [new Column<Process>("Start (UTC)", p => Formats.Date(p.Start)), new("Host", p => p.Hostname), new("Process", p => p.ProcessName), new("Command line", p => p.Cmdline)],
                context.CancellationToken, limit, "searching", "processes").ConfigureAwait(false);
            context.Output.Note(Counted.Listed(count, limit, "process", "processes"));
        }
        return ExitCodes.Success;
    }

    private static void Show(CommandContext context, Feed feed, string what)
    {
        if (context.Output.Json)
            context.Output.WriteJson(w => ModelJson.Write(w, feed));
        else
            context.Output.Output.WriteLine($"feed {Formats.Number(feed.Id)} ({feed.Name}): {what}");
    }
}
