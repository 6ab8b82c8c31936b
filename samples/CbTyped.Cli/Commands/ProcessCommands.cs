using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped process search QUERY [--limit N] [--sort S] [--walk-parents]</c>.</summary>
internal static class ProcessCommands
{
    public static Command Create(CommandRunner runner)
    {
        var process = new Command("process", "Process search.");
        var query = new Argument<string>("query") { Description = "Cb query text, e.g. \"process_name:svchost.exe\"." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many processes.", DefaultValueFactory = _ => 20 };
        var sort = new Option<string?>("--sort") { Description = "Sort, e.g. \"start desc\"." };
        var walkParents = new Option<bool>("--walk-parents") { Description = "Also show each process's chain of parents." };
        var search = new Command("search", "Search processes.") { query, limit, sort, walkParents };
        runner.SetAction(search, c => SearchAsync(c, c.Get(query), c.Get(limit), c.Get(sort), c.Get(walkParents)));
        process.Subcommands.Add(search);
        return process;
    }

    private static readonly Column<Process>[] Columns =
    [
        new("Start (UTC)", p => Formats.Date(p.Start)),
        new("Host", p => p.Hostname),
        new("User", p => p.Username),
        new("Process", p => p.ProcessName),
        new("PID", p => Formats.Number(p.ProcessPid), AlignRight: true),
        new("Process GUID / segment", p => p.Id + "/" + p.SegmentId?.ToString(CultureInfo.InvariantCulture)),
    ];

    private static async Task<int> SearchAsync(CommandContext context, string queryText, int limit, string? sort, bool walkParents)
    {
        if (limit < 0)
            throw new CliUsageException("--limit must be 0 or more.");
        var query = context.Client.Select<Process>().Where(queryText);
        if (sort is not null)
            query = query.Sort(sort);

        List<Process> processes;
        using (var progress = ProgressBar.Start(context.Output, "searching"))
            processes = await query.TakeAsync(limit, n => progress?.Report(n, limit, "processes"), context.CancellationToken).ConfigureAwait(false);

        var parents = new Dictionary<Process, IReadOnlyList<Process>>();
        if (walkParents)
        {
            foreach (var p in processes)
                parents[p] = await p.GetParentsAsync(context.CancellationToken).ConfigureAwait(false);
        }

        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartArray();
                foreach (var p in processes)
                {
                    if (!walkParents)
                    {
                        ModelJson.Write(w, p);
                        continue;
                    }
                    w.WriteStartObject();
                    w.WritePropertyName("process");
                    ModelJson.Write(w, p);
                    w.WriteStartArray("parents");
                    foreach (var parent in parents[p])
                        ModelJson.Write(w, parent);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
            return ExitCodes.Success;
        }

        if (!walkParents)
        {
            TableWriter.Write(context.Output.Output, processes, Columns);
        }
        else
        {
            foreach (var p in processes)
            {
                context.Output.Output.WriteLine($"{p.ProcessName} (pid {Formats.Number(p.ProcessPid)}) on {p.Hostname}, {Formats.Date(p.Start)}");
                var depth = 1;
                foreach (var parent in parents[p])
                    context.Output.Output.WriteLine(new string(' ', 2 * depth++) + "<- " + parent.ProcessName + " (pid " + Formats.Number(parent.ProcessPid) + ")");
            }
        }
        context.Output.Note($"{processes.Count} processes" + (processes.Count == limit ? $" (--limit {limit}; there may be more)" : ""));
        return ExitCodes.Success;
    }
}
