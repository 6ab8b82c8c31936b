#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/download_sensor_installer.py: saves a sensor group's installer package.
//   dotnet run samples/scripts/download_sensor_installer.cs -- --cburl https://cb.example.com --apitoken TOKEN -f FILE [-g GROUP] [-t TYPE]
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Globalization;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Option("--filename", "-f", required: true, help: "Filename to save the installer package to")
    .Option("--sensor-group", "-g", help: "Sensor group name or ID of the group to download an installer for")
    .Option("--installer-type", "-t", help: "Installer type; must be one of windows/exe, windows/msi, linux, osx")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

var groupText = options["--sensor-group"] ?? "1";
var type = options["--installer-type"] ?? "windows/exe";
var filename = options["--filename"]!;
SensorInstallerKind? kind = type switch
{
    "windows/exe" => SensorInstallerKind.WindowsExe,
    "windows/msi" => SensorInstallerKind.WindowsMsi,
    "linux" => SensorInstallerKind.Linux,
    "osx" => SensorInstallerKind.Osx,
    _ => null,
};
if (kind is null)
{
    Console.WriteLine($"** Could not find an installer for {type}");
    return 1;
}

SensorGroup group;
try
{
    // An id when the text is a number, else a name (exactly one group must have it).
    group = int.TryParse(groupText, NumberStyles.None, CultureInfo.InvariantCulture, out _)
        ? await cb.GetAsync<SensorGroup>(groupText)
        : await cb.Select<SensorGroup>().Where("name:" + groupText).SingleAsync();
}
catch (CbApiException)
{
    Console.WriteLine($"Could not find sensor group via id or name ({groupText})");
    return 1;
}

Console.WriteLine($"-> Downloading {type} installer for group {group.Name} to file {filename}...");
try
{
    await using var installer = await group.OpenInstallerAsync(kind.Value);
    await ExampleFile.SaveAsync(installer, filename);
}
catch (CbObjectNotFoundException)
{
    Console.WriteLine($"** Could not find an installer for {type}");
    return 1;
}
catch (IOException)
{
    Console.WriteLine($"** Error writing to file {filename}");
    return 1;
}
Console.WriteLine("-> Download complete");
return 0;
