#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/sensor_operations.py: for every alert of the given watchlists, isolates its
// sensor, dumps the sensor's memory, or kills the alert's process through Live Response.
//   dotnet run samples/scripts/sensor_operations.cs -- --cburl https://cb.example.com --apitoken TOKEN -w "Credential dumping tools" -o isolate
//   dotnet run samples/scripts/sensor_operations.cs -- ... -w WATCHLIST,WATCHLIST -o killprocess --dryrun
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Automatic detection and response based on watchlists")
    .Option("--watchlists", "-w", required: true, help: "The watchlists in question")
    .Option("--operation", "-o", required: true, help: "The operation to perform: isolate, memdump or killprocess")
    // cbapi's --dryrun takes a value (any text turns it on); it was meant as a flag, and is one here.
    .Flag("--dryrun", "-d", help: "Dry run mode")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

var watchlists = options["--watchlists"]!;
var operation = options["--operation"]!;
Console.WriteLine($"Trying to {operation} based on watchlists: {watchlists}");
var where = string.Join(" or ", watchlists.Split(',').Select(w => "watchlist_name:" + w));
var alerts = await cb.Select<Alert>().Where(where).ToListAsync();
foreach (var alert in alerts)
{
    try
    {
        var sensor = await alert.GetSensorAsync() ?? throw new CbApiException($"Alert {alert.UniqueId} has no sensor");
        if (options.Has("--dryrun"))
        {
            // cbapi swaps the two values ("would have <sensor> sensor <operation>"); this prints them in the order meant.
            Console.WriteLine($"DRYRUN: would have {operation} sensor {CbapiText.Of(sensor, cb.Url)}");
            continue;
        }
        switch (operation)
        {
            case "isolate":
                await sensor.IsolateAsync();
                break;
            case "memdump":
            {
                // cbapi misspells lr_session here, so its memdump always fails; this opens the session it meant and
                // writes the dump to the local file <process guid>.memdump (written whole or not at all).
                var process = await alert.GetProcessAsync() ?? throw new CbApiException($"Alert {alert.UniqueId} has no process");
                await using var session = await sensor.OpenLiveResponseSessionAsync();
                var path = Path.GetFullPath(process.Id + ".memdump");
                var partial = path + ".partial";
                try
                {
                    await using (var file = File.Create(partial))
                        await session.MemdumpAsync(file);
                    File.Move(partial, path, overwrite: true);
                }
                finally
                {
                    File.Delete(partial);
                }
                break;
            }
            case "killprocess":
            {
                var process = await alert.GetProcessAsync() ?? throw new CbApiException($"Alert {alert.UniqueId} has no process");
                await using var session = await sensor.OpenLiveResponseSessionAsync();
                await session.KillProcessAsync(process.ProcessPid ?? throw new CbApiException($"Process {process.Id} has no pid"));
                break;
            }
            default:
                // cbapi does nothing for another operation; say so.
                Console.WriteLine($"Unknown operation {operation}: use isolate, memdump or killprocess");
                break;
        }
    }
    catch (Exception e) when (e is CbApiException or IOException or UnauthorizedAccessException)
    {
        // cbapi prints traceback.format_exc(0): the traceback header and the exception's type and message.
        Console.WriteLine("Traceback (most recent call last):");
        Console.WriteLine($"{e.GetType().Name}: {e.Message}");
        Console.WriteLine();
    }
}
Console.WriteLine("Sensor operations finished");
return 0;
