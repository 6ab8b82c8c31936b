#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/enumerate_usb_devices.py: the USB mass-storage disks hosts recorded, from
// the registry keys Windows writes under the disk device-interface class when one is plugged in.
//   dotnet run samples/scripts/enumerate_usb_devices.cs -- --cburl https://cb.example.com --apitoken TOKEN [-s -2h]
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

const string DiskInterfaceClass = "{53f56307-b6bf-11d0-94f2-00a0c91efb8b}";
var options = new ExampleArguments("Enumerate USB Devices")
    .Option("--start", "-s", help: "Start time (example: -2h)")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

// cbapi writes "deviceclasses\{53f5…": in the query language a backslash before a brace escapes the brace, so the
// path's separator is lost and nothing matches. The port means the separator: an escaped backslash, then the brace.
var query = @"regmod:registry\machine\system\currentcontrolset\control\deviceclasses\\" + DiskInterfaceClass + @"\*";
if (options["--start"] is { Length: > 0 } start)
    query += " start:" + start;

await foreach (var proc in cb.Select<Process>().Where(query))
{
    foreach (var rm in await proc.GetRegModsAsync())
    {
        if (rm.Path is not { } path || !path.Contains(DiskInterfaceClass, StringComparison.Ordinal))
            continue;
        var pieces = path.Split("usbstor#disk&");
        // Python prints the list itself for a disk that is not a USB one.
        Console.WriteLine(pieces.Length < 2
            ? "WARN:::: [" + string.Join(", ", pieces.Select(p => "'" + p.Replace("\\", "\\\\", StringComparison.Ordinal) + "'")) + "]"
            : pieces[1]);
    }
}
