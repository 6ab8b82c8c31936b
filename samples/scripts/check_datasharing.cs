#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/check_datasharing.py: which sensor groups send unknown binaries to
// VirusTotal. Exits 0 when none does, 1 otherwise (as cbapi's script does, so it can gate a compliance check).
//   dotnet run samples/scripts/check_datasharing.cs -- --cburl https://cb.example.com --apitoken TOKEN
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Check datasharing settings on server").Parse(args);
using var cb = ExampleClient.Connect(options);

var groups = await cb.Select<SensorGroup>().ToListAsync();
var virusTotalGroups = new List<SensorGroup>();
foreach (var group in groups)
{
    var settings = await group.GetDataSharingAsync();
    // cbapi appends a group once per matching setting; one match is enough to list it.
    if (settings.Any(s => s.What == "BIN" && s.Who == "VIRUSTOTAL"))
        virusTotalGroups.Add(group);
}

if (virusTotalGroups.Count == 0)
{
    Console.WriteLine("No sensor groups are configured to send unknown binaries to VirusTotal");
    return 0;
}
if (virusTotalGroups.Count == groups.Count)
{
    Console.WriteLine("**ALL** sensor groups are configured to send unknown binaries to VirusTotal");
    return 1;
}
Console.WriteLine("The following sensor groups are configured to send unknown binaries to VirusTotal:");
foreach (var group in virusTotalGroups)
    Console.WriteLine($"  id {group.Id}: {group.Name}");
return 1;
