#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/partition_operations.py: list, create, delete, mount and unmount event
// storage partitions (servers 6.1 and later).
//   dotnet run samples/scripts/partition_operations.cs -- --cburl https://cb.example.com --apitoken TOKEN list
//   dotnet run samples/scripts/partition_operations.cs -- --cburl https://cb.example.com --apitoken TOKEN mount -N NAME
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Text.Json;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Command("list", "List all storage partitions")
    .Command("create", "Create new active writer partition")
    .Command("delete", "Delete partition")
    .Command("mount", "Mount partition")
    .Command("unmount", "Unmount partition")
    .Option("--name", "-N", help: "Name of partition (delete, mount, unmount).")
    .Parse(args);
if (options.CommandName is "delete" or "mount" or "unmount" && options["--name"] is null)
{
    Console.Error.WriteLine("error: the following arguments are required: -N/--name");
    return 2;
}
using var cb = ExampleClient.Connect(options);

var server = await cb.GetServerInfoAsync();
if (!server.IsAtLeast(new Version(6, 1)))
{
    Console.Error.WriteLine($"error: This script can only work with server versions >= 6.1.0; {cb.Url.ToString().TrimEnd('/')} is running {server.VersionText}");
    return 2;
}

switch (options.CommandName)
{
    case "list":
        foreach (var partition in await StoragePartition.ListAsync(cb))
        {
            Console.WriteLine($"{partition.Status?.ToString().ToUpperInvariant()} Storage Partition \"{partition.Name}\":");
            // The info object key by key, in the server's order, as cbapi prints the dict it received.
            if (partition.Info is { } info)
            {
                using var document = JsonDocument.Parse(info.ToString());
                foreach (var entry in document.RootElement.EnumerateObject())
                    Console.WriteLine($"  {entry.Name,-15}: {PythonText.Of(entry.Value)}");
            }
        }
        return 0;
    case "create":
        await StoragePartition.CreateNewAsync(cb);
        Console.WriteLine("Successfully created new writer partition");
        return 0;
    case "delete" or "mount" or "unmount":
        var name = options["--name"]!;
        var verb = options.CommandName;
        try
        {
            var partition = cb.Select<StoragePartition>(name);
            await (verb switch
            {
                "delete" => cb.DeleteAsync(partition),
                "mount" => partition.MountAsync(),
                _ => partition.UnmountAsync(),
            });
        }
        catch (CbApiException e)
        {
            Console.WriteLine($"Error {verb switch { "delete" => "deleting", "mount" => "mounting", _ => "unmounting" }} partition {name}: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Successfully {verb}{(verb == "delete" ? "d" : "ed")} partition {name}");
        return 0;
    default:
        Console.Error.WriteLine("error: a command is required: list, create, delete, mount or unmount");
        return 2;
}
