using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped watchlist list|create [--query Q | --from-query SEARCH]|run</c>.</summary>
internal static class WatchlistCommands
{
    private static readonly Column<Watchlist>[] Columns =
    [
        new("ID", w => Formats.Number(w.Id), AlignRight: true),
        new("Name", w => w.Name),
        new("Index", w => w.GetFieldText("index_type")),
        new("Enabled", w => Formats.YesNo(w.Enabled)),
        new("Hits", w => Formats.Number(w.TotalHits), AlignRight: true),
        new("Last hit (UTC)", w => Formats.Date(w.LastHit)),
        new("Query", w => w.Query),
    ];

    public static Command Create(CommandRunner runner)
    {
        var watchlist = new Command("watchlist", "Watchlists: saved queries the server runs.");

        var list = new Command("list", "List watchlists.");
        runner.SetAction(list, ListAsync);
        CommandExamples.Add(list, "cbtyped watchlist list", "cbtyped watchlist list --json | jq '.[] | {id, name, total_hits}'");
        watchlist.Subcommands.Add(list);

        var name = new Option<string>("--name") { Description = "The watchlist's name.", Required = true };
        var query = new Option<string?>("--query") { Description = "The watchlist's Cb query text as is, e.g. \"process_name:net.exe\"." };
        var fromQuery = new Option<string?>("--from-query")
        {
            Description = "A process (or, with --index modules, binary) search to turn into a watchlist, as the SDK's CreateWatchlistAsync does: "
                + "the search runs once first (a query the server rejects creates nothing) and the watchlist sorts by last_update desc.",
        };
        var index = new Option<string>("--index") { Description = "What it searches: events (processes) or modules (binaries).", DefaultValueFactory = _ => "events" };
        index.AcceptOnlyFromAmong("events", "modules");
        var create = new Command("create", "Create a watchlist from query text (--query) or from a search (--from-query).") { name, query, fromQuery, index };
        runner.SetAction(create, c => c.Get(fromQuery) is { } search
            ? CreateFromQueryAsync(c, c.Get(name), search, c.Get(index), c.Get(query))
            : CreateAsync(c, c.Get(name), c.Get(query), c.Get(index)));
        CommandExamples.Add(create,
            "cbtyped watchlist create --name 'net.exe use' --query 'process_name:net.exe cmdline:use'",
            "cbtyped watchlist create --name 'PsExec' --from-query 'process_name:psexec.exe'",
            "cbtyped watchlist create --name 'New unsigned' --index modules --from-query 'digsig_result:Unsigned'");
        watchlist.Subcommands.Add(create);

        var id = new Argument<int>("id") { Description = "The watchlist id." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many results.", DefaultValueFactory = _ => 20 };
        var run = new Command("run", "Run a watchlist's query now and show what it matches.") { id, limit };
        runner.SetAction(run, c => RunAsync(c, c.Get(id), c.Get(limit)));
        CommandExamples.Add(run, "cbtyped watchlist run 4", "cbtyped watchlist run 4 -n 500 --json");
        watchlist.Subcommands.Add(run);
        return watchlist;
    }

    private static async Task<int> ListAsync(CommandContext context)
    {
        await ModelList.WriteAsync(context.Output, context.Client.Select<Watchlist>(), Columns, context.CancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> CreateAsync(CommandContext context, string name, string? query, string index)
    {
        if (query is null)
            throw new CliUsageException("give the watchlist's query with --query, or a search to turn into one with --from-query.");
        var watchlist = context.Client.Create<Watchlist>();
        watchlist.Name = name;
        watchlist.IndexType = index == "modules" ? WatchlistIndexType.Modules : WatchlistIndexType.Events;
        watchlist.SearchQuery = WatchlistQueryText.ForNewWatchlist(query, null);
        watchlist = await context.Client.SaveAsync(watchlist, context.CancellationToken).ConfigureAwait(false);
        ShowCreated(context, watchlist, null);
        return ExitCodes.Success;
    }

    private static async Task<int> CreateFromQueryAsync(CommandContext context, string name, string search, string index, string? query)
    {
        if (query is not null)
            throw new CliUsageException("give --query or --from-query, not both.");
        if (string.IsNullOrWhiteSpace(search))
            throw new CliUsageException("--from-query is empty.");
        // The search runs once first: a query the server refuses (exit 6) creates no watchlist, and the count says
        // what the new watchlist would hit today.
        Watchlist watchlist;
        string matches;
        if (index == "modules")
        {
            var binaries = context.Client.Select<Binary>().Where(search);
            matches = Counted.Of(await binaries.CountAsync(context.CancellationToken).ConfigureAwait(false), "binary", "binaries");
            watchlist = await binaries.CreateWatchlistAsync(context.Client, name, context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            var processes = context.Client.Select<Process>().Where(search);
            matches = Counted.Of(await processes.CountAsync(context.CancellationToken).ConfigureAwait(false), "process", "processes");
            watchlist = await processes.CreateWatchlistAsync(context.Client, name, context.CancellationToken).ConfigureAwait(false);
        }
        ShowCreated(context, watchlist, matches);
        return ExitCodes.Success;
    }

    private static void ShowCreated(CommandContext context, Watchlist watchlist, string? matches)
    {
        if (context.Output.Json)
            context.Output.WriteJson(w => ModelJson.Write(w, watchlist));
        else
            context.Output.Output.WriteLine($"watchlist {Formats.Number(watchlist.Id)} created: {watchlist.Name}" + (matches is null ? "" : $" (its query matches {matches} now)"));
    }

    private static async Task<int> RunAsync(CommandContext context, int id, int limit)
    {
        var watchlist = await context.GetOrNotFoundAsync<Watchlist>(id.ToString(CultureInfo.InvariantCulture), "watchlist").ConfigureAwait(false);
        if (watchlist.IsBinaryWatchlist)
        {
            await ModelList.WriteAsync(context.Output, watchlist.SearchBinaries(),
                [new Column<Binary>("MD5", b => b.Md5), new("Size", b => Formats.Number(b.OrigModLen), AlignRight: true), new("File", b => b.OriginalFilename), new("Company", b => b.CompanyName)],
                context.CancellationToken, limit, "searching", "binaries").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        await ModelList.WriteAsync(context.Output, watchlist.SearchProcesses(),
            [new Column<Process>("Start (UTC)", p => Formats.Date(p.Start)), new("Host", p => p.Hostname), new("Process", p => p.ProcessName), new("Command line", p => p.Cmdline)],
            context.CancellationToken, limit, "searching", "processes").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
