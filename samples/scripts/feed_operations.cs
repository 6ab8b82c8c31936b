#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/feed_operations.py: list feeds, list a feed's actions, add a feed, delete
// feeds by id or name, enable or disable feeds by name.
//   dotnet run samples/scripts/feed_operations.cs -- --cburl https://cb.example.com --apitoken TOKEN list
//   dotnet run samples/scripts/feed_operations.cs -- ... add -u https://feeds.example.com/feed.json -e
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Command("list", "List all configured feeds")
    .Command("list-actions", "List actions associated with a feed")
    .Command("add", "Add new feed")
    .Command("delete", "Delete feeds")
    .Command("enable", "Enable a feed")
    .Command("disable", "Disable a feed")
    .Option("--feed-url", "-u", help: "URL location of feed data (add)")
    .Flag("--force", help: "add: force creation even if feed already exists; delete: delete all feeds matching FEEDNAME")
    .Flag("--enable", "-e", help: "Enable this feed (add)")
    .Flag("--use_proxy", "-p", help: "Carbon Black server will use configured web proxy to download feed from feed url (add)")
    .Flag("--validate_server_cert", "-v", help: "Carbon Black server will verify the SSL certificate of the feed server (add)")
    .Option("--username", help: "HTTP Basic Authentication username to access Feed URL (add)")
    .Option("--password", help: "HTTP Basic Authentication password to access Feed URL (add)")
    .Option("--cert", help: "Path to file containing TLS client certificate required to access Feed URL (add)")
    .Option("--key", help: "Path to file containing TLS client key required to access Feed URL (add)")
    .Option("--id", "-i", help: "ID of feed (list-actions, delete)")
    .Option("--feedname", "-f", help: "Name of feed (list-actions, enable, disable); to delete, --force deletes every feed with that name (delete)")
    .Parse(args);
var command = options.CommandName;
if (command == "add" && options["--feed-url"] is null)
{
    Console.Error.WriteLine("error: the following arguments are required: -u/--feed-url");
    return 2;
}
if (options["--id"] is { } given && !int.TryParse(given, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
{
    Console.Error.WriteLine($"error: argument -i/--id: invalid int value: '{given}'");
    return 2;
}
if (command is "enable" or "disable" && options["--feedname"] is null)
{
    Console.Error.WriteLine("error: the following arguments are required: -f/--feedname");
    return 2;
}
if (command is "delete" or "list-actions" && (options["--id"] is null) == (options["--feedname"] is null))
{
    Console.Error.WriteLine("error: one of the arguments -i/--id -f/--feedname is required");
    return 2;
}
using var cb = ExampleClient.Connect(options);

switch (command)
{
    case "list":
        await foreach (var feed in cb.Select<Feed>())
        {
            foreach (var field in (string[])["id", "category", "display_name", "enabled", "provider_url", "summary", "tech_data", "feed_url", "use_proxy", "validate_server_cert"])
                Print(feed, field);
            if (!string.IsNullOrEmpty(feed.Username))
            {
                Print(feed, "username");
                Print(feed, "password");
            }
            if (!string.IsNullOrEmpty(feed.SslClientCrt))
            {
                Print(feed, "ssl_client_crt");
                Print(feed, "ssl_client_key");
            }
            Console.WriteLine("\n");
        }
        return 0;
    case "list-actions":
        return await ListActionsAsync();
    case "add":
        return await AddAsync();
    case "delete":
        return await DeleteAsync();
    case "enable" or "disable":
        return await ToggleAsync(command == "enable");
    default:
        Console.Error.WriteLine("error: a command is required: list, list-actions, add, delete, enable or disable");
        return 2;
}

// "%-20s: %s" of the field as the document has it (cbapi's getattr; a missing field prints None).
static void Print(Feed feed, string field) =>
    Console.WriteLine($"{field,-20}: {(feed.GetRawValue(field) is { } raw ? PythonText.Of(System.Text.Json.JsonDocument.Parse(raw).RootElement) : "None")}");

async Task<int> AddAsync()
{
    var url = options["--feed-url"]!;
    var configured = await cb.Select<Feed>().ToListAsync();
    var same = configured.Where(f => f.FeedUrl == url).ToList();
    if (same.Count > 0)
    {
        Console.WriteLine($"Warning: Feeds already configured for this url: {url}:");
        foreach (var feed in same)
        {
            Console.WriteLine(CbapiText.Of(feed, cb.Url));
            Console.WriteLine();
        }
        if (!options.Has("--force"))
            return 1;
    }

    var added = cb.Create<Feed>();
    added.FeedUrl = url;
    if (options.Has("--enable"))
        added.Enabled = true;
    if (options["--username"] is { } username)
        added.Username = username;
    if (options["--password"] is { } password)
        added.Password = password;
    try
    {
        // cbapi reads the files as bytes into a text field; the server expects their PEM text.
        if (options["--cert"] is { } cert)
            added.SslClientCrt = await File.ReadAllTextAsync(cert);
        if (options["--key"] is { } key)
            added.SslClientKey = await File.ReadAllTextAsync(key);
    }
    catch (IOException e)
    {
        Console.WriteLine($"Could not add feed: {e.Message}");
        return 1;
    }
    if (options.Has("--use_proxy"))
        added.UseProxy = true;
    if (options.Has("--validate_server_cert"))
        added.ValidateServerCert = true;

    try
    {
        await cb.SaveAsync(added);
    }
    catch (CbApiException e) when (e.StatusCode == 500)
    {
        Console.WriteLine("Could not add feed:");
        Console.WriteLine(" Received error code 500 from server. This is usually because the server cannot retrieve the feed.");
        Console.WriteLine(" Check to ensure the Cb server has network connectivity and the credentials are correct.");
        return 1;
    }
    catch (CbApiException e)
    {
        Console.WriteLine($"Could not add feed: {e.Message}");
        return 1;
    }
    Console.WriteLine($"Added feed. New feed ID is {added.Id}");
    return 0;
}

async Task<int> DeleteAsync()
{
    var feeds = await FindFeedsAsync("feed");
    return feeds is null ? 1
        : await ExampleLookup.DeleteEachAsync(cb, feeds, "feed", Attempted(), options.Has("--force"), f => $"id {f.Id} with name {f.Name}");
}

// cbapi's get_object_by_name_or_id raises its "Could not find" error as a traceback; the port prints it.
async Task<int> ListActionsAsync()
{
    var feeds = await FindFeedsAsync("Feed");
    if (feeds is null)
        return 1;
    if (feeds.Count > 1)
    {
        Console.WriteLine($"Multiple feeds match the name {options["--feedname"]}, giving up.");
        return 1;
    }
    Console.WriteLine($"Actions in Feed {feeds[0].Name}:");
    await foreach (var action in feeds[0].Actions)
        Console.WriteLine($"  - {CbapiText.ActionName(action.Type)}: {action.ActionData}");
    return 0;
}

string Attempted() => options["--id"] is { } id ? $"ID of {id}" : $"name {options["--feedname"]}";

// Feeds have no GET by id on the server: Feed.GetByIdAsync reads the list.
Task<List<Feed>?> FindFeedsAsync(string noun) => ExampleLookup.FindAsync(async () => options["--id"] is { } key
        ? await Feed.GetByIdAsync(cb, FeedId(key)) is { } byId ? [byId] : []
        : await cb.Select<Feed>().Where("name:" + options["--feedname"]).ToListAsync(),
    noun, Attempted());

async Task<int> ToggleAsync(bool enable)
{
    var name = options["--feedname"]!;
    List<Feed> feeds;
    try
    {
        feeds = await cb.Select<Feed>().Where("name:" + name).ToListAsync();
    }
    catch (CbApiException e)
    {
        Console.WriteLine($"Could not find any feeds with the name {name}: {e.Message}");
        return 1;
    }
    var operation = enable ? "Enabl" : "Disabl";
    var failed = false;
    foreach (var feed in feeds)
    {
        if (feed.Enabled == enable)
        {
            Console.WriteLine($"Feed named {feed.Name} with id {feed.Id} already {operation}ed, continuing");
            continue;
        }
        Console.WriteLine($"{operation}ing feed named {feed.Name} with id {feed.Id}");
        feed.Enabled = enable;
        try
        {
            await cb.SaveAsync(feed);
        }
        catch (CbApiException e)
        {
            Console.WriteLine($"-> Encountered error {operation}ing feed id {feed.Id}: {e.Message}");
            failed = true;
        }
    }
    return failed ? 1 : 0;
}

static int FeedId(string text) => int.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
