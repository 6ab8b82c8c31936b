#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/watchlist_importer.py: creates the watchlists of a file written by
// watchlist_exporter.
//   dotnet run samples/scripts/watchlist_importer.cs -- --cburl https://cb.example.com --apitoken TOKEN -f in.json
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Text.Json;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Import watchlists from shareable JSON format")
    .Option("--file", "-f", required: true, help: "Select what file watchlists are read from")
    .Option("--watchlists", "-w", help: "Specific watchlist(s) to import. Can be comma separated.")
    .Flag("--selective", "-m", help: "Interactively select which watchlists to import")
    .Parse(args);

var path = options["--file"]!;
JsonDocument file;
try
{
    file = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
{
    // cbapi stops with a traceback; this names the file and what is wrong with it.
    Console.WriteLine($"Could not read {path}: {e.Message}");
    return 1;
}
using (file)
{
    var root = file.RootElement;
    if (root.ValueKind != JsonValueKind.Object)
    {
        Console.WriteLine($"Could not read {path}: the file is not a JSON object");
        return 1;
    }
    using var cb = ExampleClient.Connect(options);
    var wanted = options["--watchlists"]?.Split(',') ?? [];
    Console.WriteLine($"Importing {Text(root, "ExportDescription") ?? "<no description>"} from {Text(root, "Author") ?? "<no author>"}...");
    var failed = false;
    var entries = root.TryGetProperty("Watchlists", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
    foreach (var entry in entries)
    {
        var name = Text(entry, "Name") ?? "";
        if (wanted.Length > 0 && !wanted.Contains(name))
            continue;
        if (options.Has("--selective") && !ExampleConfirm.Ask($"Import watchlist {name}? y/n: "))
            continue;

        var type = Text(entry, "Type") ?? "events";
        try
        {
            var watchlist = cb.Create<Watchlist>();
            watchlist.Name = name;
            watchlist.IndexType = type switch
            {
                "events" => WatchlistIndexType.Events,
                "modules" => WatchlistIndexType.Modules,
                _ => throw new FormatException($"Type must be 'events' or 'modules', not '{type}'"),
            };
            watchlist.Query = Text(entry, "SearchString") ?? "";
            await cb.SaveAsync(watchlist);
            Console.WriteLine($"-> Watchlist {name} added [id={watchlist.Id}]");
        }
        catch (Exception e) when (e is CbApiException or FormatException)
        {
            // cbapi prints e.message, which Python 3 exceptions lack (so it fails there); the port prints the message.
            Console.WriteLine($"-> Watchlist {name} not added: {e.Message}");
            failed = true;
        }
    }
    Console.WriteLine("-> Done importing! <-");
    return failed ? 1 : 0;
}

// A string member of a JSON object, or null when it is missing or not a string (Python's dict.get).
static string? Text(JsonElement element, string name) =>
    element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        ? value.GetString() : null;
