#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/download_from_lr.py: copies a file off the first online sensor of a host
// through Live Response.
//   dotnet run samples/scripts/download_from_lr.cs -- --cburl https://cb.example.com --apitoken TOKEN -H HOST -p 'c:\windows\system32\drivers\etc\hosts' [-o FILE]
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Download binary from endpoint through Live Response")
    .Option("--output", "-o", help: "Output file name (default is the base file name)")
    .Option("--hostname", "-H", required: true, help: "Hostname to download from")
    .Option("--path", "-p", required: true, help: "Path to download")
    .Parse(args);
using var cb = ExampleClient.Connect(options);
var hostname = options["--hostname"]!;
var path = options["--path"]!;

await foreach (var sensor in cb.Select<Sensor>().Where("hostname:" + hostname))
{
    if (sensor.Status != SensorStatus.Online)
        continue;

    await using var session = await sensor.OpenLiveResponseSessionAsync();
    // The base name of the remote file by default: Windows paths split on backslashes.
    var output = options["--output"] ?? path.Split(session.IsWindows ? '\\' : '/')[^1];
    await using (var file = await session.OpenFileAsync(path))
        await ExampleFile.SaveAsync(file, output); // cbapi writes as it reads: a failed copy here leaves no half file
    Console.WriteLine($"Successfully wrote {path} to local file {output}.");
    return 0;
}

// cbapi meant the host name here (its script names an undefined variable and crashes); and it exits 1, not 0.
Console.WriteLine($"No sensors for hostname {hostname} are online, exiting");
return 1;
