using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped alert search|resolve</c>: the alerts watchlist and feed hits raise.</summary>
internal static class AlertCommands
{
    private static readonly Column<Alert>[] Columns =
    [
        new("Created (UTC)", a => Formats.Date(a.CreatedTime)),
        new("Status", a => a.GetFieldText("status")),
        new("Severity", a => Formats.Decimal(a.AlertSeverity), AlignRight: true),
        new("Host", a => a.Hostname),
        new("Raised by", a => a.FeedId is -1 or null ? a.WatchlistName : a.FeedName),
        new("Process / file", a => a.ProcessName ?? a.ObservedFilename),
        new("ID", a => a.UniqueId),
    ];

    public static Command Create(CommandRunner runner)
    {
        var alert = new Command("alert", "Alerts raised by watchlist and feed hits.");

        var query = new Argument<string?>("query") { Description = "Cb query text over alerts, e.g. \"status:unresolved hostname:win7\" (default: every alert).", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many alerts.", DefaultValueFactory = _ => 20 };
        var sort = new Option<string?>("--sort") { Description = "Sort, e.g. \"created_time desc\" or \"alert_severity desc\"." };
        var search = new Command("search", "Search alerts.") { query, limit, sort };
        runner.SetAction(search, c => SearchAsync(c, c.Get(query), c.Get(limit), c.Get(sort)));
        CommandExamples.Add(search,
            "cbtyped alert search 'status:unresolved' -n 50",
            "cbtyped alert search 'hostname:win7 alert_severity:[50 TO *]' --sort 'alert_severity desc'",
            "cbtyped alert search --json | jq -r '.[].unique_id'");
        alert.Subcommands.Add(search);

        var ids = new Argument<string[]>("id") { Description = "The alerts' unique ids (as 'alert search' shows them).", Arity = ArgumentArity.ZeroOrMore };
        var bulkQuery = new Option<string?>("--query", "-q") { Description = "Resolve every alert this query matches instead (in blocks of 500 ids)." };
        var resolve = new Command("resolve", "Mark alerts resolved, by id or every alert a query matches.") { ids, bulkQuery };
        runner.SetAction(resolve, c => ResolveAsync(c, c.Get(ids), c.Get(bulkQuery)));
        CommandExamples.Add(resolve,
            "cbtyped alert resolve a743ee18-ce1d-4fb3-adc5-f05a77c8996c",
            "cbtyped alert resolve --query 'status:unresolved hostname:win7'");
        alert.Subcommands.Add(resolve);
        return alert;
    }

    private static async Task<int> SearchAsync(CommandContext context, string? queryText, int limit, string? sort)
    {
        if (limit < 0)
            throw new CliUsageException("--limit must be 0 or more.");
        var query = context.Client.Select<Alert>();
        if (!string.IsNullOrWhiteSpace(queryText))
            query = query.Where(queryText);
        if (sort is not null)
            query = query.Sort(sort);
        var count = await ModelList.WriteAsync(context.Output, query, Columns, context.CancellationToken, limit, "searching", "alerts").ConfigureAwait(false);
        context.Output.Note(Counted.Listed(count, limit, "alert", "alerts"));
        return ExitCodes.Success;
    }

    private static async Task<int> ResolveAsync(CommandContext context, string[] ids, string? bulkQuery)
    {
        if ((ids.Length == 0) == (bulkQuery is null))
            throw new CliUsageException("give the alert ids to resolve, or --query to resolve every alert it matches (not both).");
        if (bulkQuery is not null)
            return await ResolveMatchingAsync(context, bulkQuery).ConfigureAwait(false);

        // Every id is looked up before anything changes, so a mistyped id leaves all the alerts as they were.
        var alerts = new List<Alert>();
        foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!Guid.TryParse(id, out var guid))
                throw new CliUsageException($"{Printable.Quote(id)} is not an alert id (a unique id such as a743ee18-ce1d-4fb3-adc5-f05a77c8996c).");
            var alert = await context.Client.Select<Alert>().Where("unique_id:" + guid.ToString("D", CultureInfo.InvariantCulture))
                .FirstOrDefaultAsync(context.CancellationToken).ConfigureAwait(false);
            alerts.Add(alert ?? throw new CliNotFoundException($"alert {id} not found."));
        }

        var json = context.Output.Json ? new JsonArrayStream(context.Output.Output) : null;
        using (json)
        {
            foreach (var alert in alerts)
            {
                var wasResolved = alert.Status == AlertStatus.Resolved;
                if (!wasResolved)
                    await alert.ResolveAsync(context.CancellationToken).ConfigureAwait(false);
                if (json is not null)
                    json.Add(w => ModelJson.Write(w, alert));
                else
                    context.Output.Output.WriteLine($"alert {alert.UniqueId}: " + (wasResolved ? "already resolved" : "resolved"));
            }
            json?.Complete();
        }
        return ExitCodes.Success;
    }

    private static async Task<int> ResolveMatchingAsync(CommandContext context, string queryText)
    {
        if (string.IsNullOrWhiteSpace(queryText))
            throw new CliUsageException("--query is empty; to resolve every alert, say so with --query '-status:resolved'.");
        var count = await context.Client.Select<Alert>().Where(queryText).ResolveAllAsync(context.CancellationToken).ConfigureAwait(false);
        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("query", queryText);
                w.WriteNumber("resolved", count);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine(count == 0 ? "no alert matches; nothing changed" : Counted.Of(count, "alert", "alerts") + " resolved");
        }
        return ExitCodes.Success;
    }
}
