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
        var process = new Command("process", "Processes: search them, read one's timeline of events.");
        var query = new Argument<string>("query") { Description = "Cb query text, e.g. \"process_name:svchost.exe\"." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many processes.", DefaultValueFactory = _ => 20 };
        var sort = new Option<string?>("--sort") { Description = "Sort, e.g. \"start desc\"." };
        var walkParents = new Option<bool>("--walk-parents") { Description = "Also show each process's chain of parents." };
        var search = new Command("search", "Search processes.") { query, limit, sort, walkParents };
        runner.SetAction(search, c => SearchAsync(c, c.Get(query), c.Get(limit), c.Get(sort), c.Get(walkParents)));
        CommandExamples.Add(search,
            "cbtyped process search 'process_name:powershell.exe' -n 100",
            "cbtyped process search 'hostname:win7 netconn_count:[1 TO *]' --sort 'start desc' --walk-parents",
            "cbtyped process search 'process_name:cmd.exe' -n 100000 --json > hits.json");
        process.Subcommands.Add(search);
        process.Subcommands.Add(ProcessEventCommands.Create(runner));
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

        // Rows are written as the pages arrive; nothing holds more than one page, whatever --limit.
        var count = walkParents
            ? await WriteWithParentsAsync(context, query, limit).ConfigureAwait(false)
            : await ModelList.WriteAsync(context.Output, query, Columns, context.CancellationToken, limit, "searching", "processes").ConfigureAwait(false);
        context.Output.Note(Counted.Listed(count, limit, "process", "processes"));
        return ExitCodes.Success;
    }

    // Each process with its chain of parents: a JSON array of {process, parents}, or indented "<- parent" lines.
    private static async Task<int> WriteWithParentsAsync(CommandContext context, IAsyncEnumerable<Process> query, int limit)
    {
        var output = context.Output;
        using var json = output.Json ? new JsonArrayStream(output.Output) : null;
        using var progress = ProgressBar.Start(output, "searching");
        var count = 0;
        if (limit > 0)
        {
            await foreach (var p in query.WithCancellation(context.CancellationToken).ConfigureAwait(false))
            {
                var parents = await p.GetParentsAsync(context.CancellationToken).ConfigureAwait(false);
                count++;
                progress?.Clear();
                if (json is not null)
                {
                    json.Add(w =>
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("process");
                        ModelJson.Write(w, p);
                        w.WriteStartArray("parents");
                        foreach (var parent in parents)
                            ModelJson.Write(w, parent);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    });
                }
                else
                {
                    output.Output.WriteLine($"{p.ProcessName} (pid {Formats.Number(p.ProcessPid)}) on {p.Hostname}, {Formats.Date(p.Start)}");
                    var depth = 1;
                    foreach (var parent in parents)
                        output.Output.WriteLine(new string(' ', 2 * depth++) + "<- " + parent.ProcessName + " (pid " + Formats.Number(parent.ProcessPid) + ")");
                    output.Output.Flush();
                }
                progress?.Report(count, limit, "processes");
                if (count >= limit)
                    break;
            }
        }
        progress?.Clear();
        json?.Complete();
        return count;
    }
}
