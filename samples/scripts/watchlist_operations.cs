#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/watchlist_operations.py: list watchlists, list a watchlist's actions, add
// a watchlist, delete watchlists by id or name.
//   dotnet run samples/scripts/watchlist_operations.cs -- --cburl https://cb.example.com --apitoken TOKEN list
//   dotnet run samples/scripts/watchlist_operations.cs -- ... add -N NAME -q process_name:notepad.exe -t events
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Command("list", "List all configured watchlists")
    .Command("list-actions", "List actions associated with a watchlist")
    .Command("add", "Add new watchlist")
    .Command("delete", "Delete watchlists")
    .Option("--id", "-i", help: "ID of watchlist (list-actions, delete)")
    .Option("--name", "-N", help: "Name of watchlist")
    .Option("--query", "-q", help: "Watchlist query string, e.g. process_name:notepad.exe (add)")
    .Option("--type", "-t", help: "Watchlist type 'events' or 'modules' (add)")
    .Flag("--force", help: "If NAME matches multiple watchlists, delete all matching watchlists (delete)")
    .Parse(args);
var command = options.CommandName;
if (command is "list-actions" or "delete" && (options["--id"] is null) == (options["--name"] is null))
{
    Console.Error.WriteLine("error: one of the arguments -i/--id -N/--name is required");
    return 2;
}
if (command == "add" && (options["--name"] is null || options["--query"] is null || options["--type"] is null))
{
    Console.Error.WriteLine("error: the following arguments are required: -N/--name, -q/--query, -t/--type");
    return 2;
}
using var cb = ExampleClient.Connect(options);

switch (command)
{
    case "list":
        await foreach (var watchlist in cb.Select<Watchlist>())
        {
            Console.WriteLine(CbapiText.Of(watchlist, cb.Url));
            Console.WriteLine();
        }
        return 0;
    case "list-actions":
    {
        var found = await FindAsync();
        if (found is null)
            return 1;
        if (found.Count > 1)
        {
            Console.WriteLine($"Multiple watchlists match the name {options["--name"]}, giving up.");
            return 1;
        }
        Console.WriteLine($"Actions in Watchlist {found[0].Name}:");
        await foreach (var action in found[0].Actions)
            Console.WriteLine($"  - {CbapiText.ActionName(action.Type)}: {action.ActionData}");
        return 0;
    }
    case "add":
        if (!Enum.TryParse<WatchlistIndexType>(options["--type"], ignoreCase: true, out var indexType))
        {
            // cbapi sends the type as given and prints the server's refusal; the SDK's enum refuses it first.
            Console.WriteLine($"Could not add watchlist: index_type must be 'events' or 'modules', not '{options["--type"]}'");
            return 1;
        }
        var added = cb.Create<Watchlist>();
        added.Name = options["--name"];
        added.IndexType = indexType;
        added.Query = options["--query"];
        try
        {
            await cb.SaveAsync(added);
        }
        catch (CbApiException e)
        {
            Console.WriteLine($"Could not add watchlist: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Added watchlist. New watchlist ID is {added.Id}");
        return 0;
    case "delete":
    {
        var found = await FindAsync();
        if (found is null)
            return 1;
        return await ExampleLookup.DeleteEachAsync(cb, found, "watchlist", Attempted(), options.Has("--force"), w => $"id {w.Id} with name {w.Name}");
    }
    default:
        Console.Error.WriteLine("error: a command is required: list, list-actions, add or delete");
        return 2;
}

string Attempted() => options["--id"] is { } id ? $"ID of {id}" : $"name {options["--name"]}";

// The watchlist with --id (fetched at once, as cbapi's force_init does), or those named --name; null after saying
// none was found. cbapi's list-actions lets this error escape as a traceback; the port prints it as delete does.
Task<List<Watchlist>?> FindAsync() => ExampleLookup.FindAsync(async () => options["--id"] is { } id
        ? [await cb.GetAsync<Watchlist>(id)]
        : await cb.Select<Watchlist>().Where("name:" + options["--name"]).ToListAsync(),
    "watchlist", Attempted());
