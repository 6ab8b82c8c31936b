#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/sensor_group_operations.py: list sensor groups, list a group's sensors,
// add a group, delete groups by id or name.
//   dotnet run samples/scripts/sensor_group_operations.cs -- --cburl https://cb.example.com --apitoken TOKEN list
//   dotnet run samples/scripts/sensor_group_operations.cs -- ... add -n NAME -b https://cb.example.com [-s SITE | -i SITE_ID]
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Command("list", "List all configured sensor groups")
    .Command("add", "Add new sensor group")
    .Command("delete", "Delete sensor groups")
    .Command("list-sensors", "List all sensors in a sensor group")
    .Option("--name", "-n", help: "Sensor group name (add, list-sensors); name of sensor group to delete (delete)")
    .Option("--site", "-s", help: "Site name (add)")
    .Option("--site-id", help: "-i: Site ID (add)")
    .Option("--sensorbackend-server", "-b", help: "Sensor backend server (add)")
    .Option("--id", help: "-i: ID of sensor group to delete (delete)")
    .Flag("--force", help: "If NAME matches multiple sensor groups, delete all matching sensor groups (delete)")
    // -i is --site-id for add and --id for delete, as in cbapi's per-command parsers.
    .Parse([.. args.Select(a => a == "-i" ? (args.Contains("delete") ? "--id" : "--site-id") : a)]);
var command = options.CommandName;
if (command == "add" && (options["--name"] is null || options["--sensorbackend-server"] is null))
{
    Console.Error.WriteLine("error: the following arguments are required: -n/--name, -b/--sensorbackend-server");
    return 2;
}
if (command == "delete" && (options["--id"] is null) == (options["--name"] is null))
{
    Console.Error.WriteLine("error: one of the arguments -i/--id -n/--name is required");
    return 2;
}
using var cb = ExampleClient.Connect(options);

switch (command)
{
    case "list":
        await foreach (var group in cb.Select<SensorGroup>())
        {
            Console.WriteLine(CbapiText.Of(group, cb.Url));
            Console.WriteLine();
        }
        return 0;
    case "list-sensors":
        return await ListSensorsAsync();
    case "add":
        return await AddAsync();
    case "delete":
        return await DeleteAsync();
    default:
        Console.Error.WriteLine("error: a command is required: list, add, delete or list-sensors");
        return 2;
}

async Task<int> ListSensorsAsync()
{
    var group = options["--name"] is { } name
        ? await cb.Select<SensorGroup>().Where("name:" + name).FirstOrDefaultAsync()
        : (await cb.Select<SensorGroup>().ToListAsync()).MinBy(g => g.Id);
    if (group is null)
    {
        // cbapi stops with a traceback here.
        Console.WriteLine($"Could not find sensor group {options["--name"]}");
        return 1;
    }
    Console.WriteLine($"Sensors in group {group.Name} (id {group.Id}):");
    Console.WriteLine($"  {"Hostname",-40}{"IP Address",-18}Last Checkin Time");
    await foreach (var sensor in group.Sensors)
    {
        // The first address that is not loopback or unspecified; none prints as empty.
        var address = sensor.NetworkInterfaces.Select(i => i.IpAddress).FirstOrDefault(ip => ip is not ("127.0.0.1" or "0.0.0.0"));
        Console.WriteLine($"  {sensor.Hostname,-40}{address ?? "",-18}{PythonText.Of(sensor.LastCheckinTime)}");
    }
    return 0;
}

async Task<int> AddAsync()
{
    var sites = await cb.Select<Site>().ToListAsync();
    Site? site;
    if (options["--site"] is { } siteName)
    {
        site = sites.FirstOrDefault(s => s.Name == siteName);
        if (site is null)
        {
            Console.WriteLine($"Could not find site named {siteName}");
            return 1;
        }
    }
    else if (options["--site-id"] is { } siteId)
    {
        site = sites.FirstOrDefault(s => s.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) == siteId);
        if (site is null)
        {
            Console.WriteLine($"Could not find site ID {siteId}");
            return 1;
        }
    }
    else
    {
        // Just pick the first site by the lowest ID.
        site = sites.MinBy(s => s.Id);
    }

    var group = cb.Create<SensorGroup>();
    group.Name = options["--name"];
    group.SiteId = site?.Id;
    // Sensors report to the given server, and their versions are chosen by hand, as cbapi sets them.
    group.SensorbackendServer = options["--sensorbackend-server"];
    group.SensorVersionWindows = "Manual";
    group.SensorVersionOsx = "Manual";
    group.SensorVersionLinux = "Manual";
    try
    {
        await cb.SaveAsync(group);
    }
    catch (CbApiException e) when (e.StatusCode is { } status)
    {
        Console.WriteLine($"Received HTTP error {status} when attempting to add sensor group: {e.Message}");
        return 1;
    }
    catch (CbApiException e)
    {
        Console.WriteLine($"Could not add sensor group: {e.Message}");
        return 1;
    }
    Console.WriteLine($"Added sensor group. New sensor group ID is {group.Id}");
    return 0;
}

async Task<int> DeleteAsync()
{
    var attempted = options["--id"] is { } id ? $"ID of {id}" : $"name {options["--name"]}";
    var groups = await ExampleLookup.FindAsync(async () => options["--id"] is { } key
            ? [await cb.GetAsync<SensorGroup>(key)]
            : await cb.Select<SensorGroup>().Where("name:" + options["--name"]).ToListAsync(),
        "sensor group", attempted);
    return groups is null ? 1
        : await ExampleLookup.DeleteEachAsync(cb, groups, "sensor group", attempted, options.Has("--force"), g => $"id {g.Id} with name {g.Name}");
}
