using System.CommandLine;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped binary search QUERY [-n N] [--sort S]</c> and <c>cbtyped binary info MD5</c>.</summary>
internal static class BinarySearchCommands
{
    private static readonly Column<Binary>[] Columns =
    [
        new("MD5", b => b.Md5),
        new("Size", b => Formats.Number(b.OrigModLen), AlignRight: true),
        new("File", b => b.OriginalFilename ?? (b.ObservedFilename is [var first, ..] ? first : null)),
        new("Company", b => b.CompanyName),
        new("Signed", b => b.GetFieldText("digsig_result")),
        new("Hosts", b => Formats.Number(b.HostCount), AlignRight: true),
        new("First seen (UTC)", b => Formats.Date(b.ServerAddedTimestamp)),
    ];

    public static IEnumerable<Command> Create(CommandRunner runner)
    {
        var query = new Argument<string>("query") { Description = "Cb query text over binaries, e.g. \"company_name:microsoft digsig_result:Unsigned\"." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many binaries.", DefaultValueFactory = _ => 20 };
        var sort = new Option<string?>("--sort") { Description = "Sort, e.g. \"server_added_timestamp desc\"." };
        var search = new Command("search", "Search binaries.") { query, limit, sort };
        runner.SetAction(search, c => SearchAsync(c, c.Get(query), c.Get(limit), c.Get(sort)));
        CommandExamples.Add(search,
            "cbtyped binary search 'digsig_result:Unsigned' -n 50",
            "cbtyped binary search 'observed_filename:mimikatz.exe' --json | jq -r '.[].md5'");
        yield return search;

        var md5 = new Argument<string>("md5") { Description = "The binary's MD5." };
        var info = new Command("info", "A binary's details: version resource, signature, where it was seen.") { md5 };
        runner.SetAction(info, c => InfoAsync(c, c.Get(md5)));
        CommandExamples.Add(info, "cbtyped binary info 79B6D4C5283FC806387C55B8D7C8B762", "cbtyped binary info 79b6d4c5283fc806387c55b8d7c8b762 --json");
        yield return info;
    }

    private static async Task<int> SearchAsync(CommandContext context, string queryText, int limit, string? sort)
    {
        if (limit < 0)
            throw new CliUsageException("--limit must be 0 or more.");
        var query = context.Client.Select<Binary>().Where(queryText);
        if (sort is not null)
            query = query.Sort(sort);
        var count = await ModelList.WriteAsync(context.Output, query, Columns, context.CancellationToken, limit, "searching", "binaries").ConfigureAwait(false);
        context.Output.Note(Counted.Listed(count, limit, "binary", "binaries"));
        return ExitCodes.Success;
    }

    private static async Task<int> InfoAsync(CommandContext context, string md5)
    {
        if (md5.Length != 32 || !md5.All(Uri.IsHexDigit))
            throw new CliUsageException($"{Printable.Quote(md5)} is not an MD5 (32 hex digits).");
        var binary = await context.GetOrNotFoundAsync<Binary>(md5.ToUpperInvariant(), "binary").ConfigureAwait(false);
        if (context.Output.Json)
        {
            context.Output.WriteJson(w => ModelJson.Write(w, binary));
            return ExitCodes.Success;
        }
        TableWriter.WriteRecord(context.Output.Output,
        [
            ("MD5", binary.Md5),
            ("Size", binary.OrigModLen is { } size ? Formats.Number(size) + " bytes" : null),
            ("Original name", binary.OriginalFilename),
            ("Seen as", Joined(binary.ObservedFilename)),
            ("Company", binary.CompanyName),
            ("Product", binary.ProductName),
            ("Description", binary.FileDesc),
            ("File version", binary.FileVersion),
            ("Signature", binary.GetFieldText("digsig_result")),
            ("Publisher", binary.DigsigPublisher),
            ("Signed (UTC)", Formats.Date(binary.DigsigSignTime)),
            ("Executable", Formats.YesNo(binary.IsExecutableImage)),
            ("OS", binary.GetFieldText("os_type")),
            ("First seen (UTC)", Formats.Date(binary.ServerAddedTimestamp)),
            ("Last seen (UTC)", Formats.Date(binary.LastSeen)),
            ("Hosts", Formats.Number(binary.HostCount)),
            ("Endpoints", string.Join(", ", binary.Endpoints.Select(e => e.Hostname + " (sensor " + Formats.Number(e.SensorId) + ")"))),
            ("File collected", binary.CopiedModLen is { } copied ? Formats.YesNo(copied > 0) : null),
        ]);
        return ExitCodes.Success;
    }

    private static string? Joined(IReadOnlyList<string>? values) => values is null ? null : string.Join(", ", values);
}
