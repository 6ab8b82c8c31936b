using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped watchlist list|create|run</c>.</summary>
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
        watchlist.Subcommands.Add(list);

        var name = new Option<string>("--name") { Description = "The watchlist's name.", Required = true };
        var query = new Option<string>("--query") { Description = "Cb query text, e.g. \"process_name:net.exe\".", Required = true };
        var index = new Option<string>("--index") { Description = "What it searches: events (processes) or modules (binaries).", DefaultValueFactory = _ => "events" };
        index.AcceptOnlyFromAmong("events", "modules");
        var create = new Command("create", "Create a watchlist.") { name, query, index };
        runner.SetAction(create, c => CreateAsync(c, c.Get(name), c.Get(query), c.Get(index)));
        watchlist.Subcommands.Add(create);

        var id = new Argument<int>("id") { Description = "The watchlist id." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many results.", DefaultValueFactory = _ => 20 };
        var run = new Command("run", "Run a watchlist's query now and show what it matches.") { id, limit };
        runner.SetAction(run, c => RunAsync(c, c.Get(id), c.Get(limit)));
        watchlist.Subcommands.Add(run);
        return watchlist;
    }

    private static async Task<int> ListAsync(CommandContext context)
    {
        await ModelList.WriteAsync(context.Output, context.Client.Select<Watchlist>(), Columns, context.CancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> CreateAsync(CommandContext context, string name, string query, string index)
    {
        var watchlist = context.Client.Create<Watchlist>();
        watchlist.Name = name;
        watchlist.IndexType = index == "modules" ? WatchlistIndexType.Modules : WatchlistIndexType.Events;
        watchlist.SearchQuery = WatchlistQueryText.ForNewWatchlist(query, null);
        watchlist = await context.Client.SaveAsync(watchlist, context.CancellationToken).ConfigureAwait(false);
        if (context.Output.Json)
            context.Output.WriteJson(w => ModelJson.Write(w, watchlist));
        else
            context.Output.Output.WriteLine($"watchlist {Formats.Number(watchlist.Id)} created: {watchlist.Name}");
        return ExitCodes.Success;
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
