#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/process_netconn_rate.py: processes that made more than --rate network
// connections per second over their life, among those with at least --gt-count connections, newest first.
//   dotnet run samples/scripts/process_netconn_rate.cs -- --cburl https://cb.example.com --apitoken TOKEN [-g 100] [-r 100.0] [-s]
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Globalization;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("High avg. netconn/second alert")
    .Flag("--skip-unknown", "-s", help: "Skip processes with unknown start or last update")
    .Option("--rate", "-r", help: "Alert on processes with more than [--rate] network connections per second")
    .Option("--gt-count", "-g", help: "Filter processes with greater than [--gt-count] network events")
    .Parse(args);
if (!double.TryParse(options["--rate"] ?? "100.0", NumberStyles.Float, CultureInfo.InvariantCulture, out var connRate))
    return Usage($"argument --rate/-r: invalid float value: '{options["--rate"]}'");
if (!int.TryParse(options["--gt-count"] ?? "100", NumberStyles.Integer, CultureInfo.InvariantCulture, out var gtCount))
    return Usage($"argument --gt-count/-g: invalid int value: '{options["--gt-count"]}'");
using var cb = ExampleClient.Connect(options);

await foreach (var proc in cb.Select<Process>().Where(string.Create(CultureInfo.InvariantCulture, $"netconn_count:[{gtCount} TO *]")).Sort("last_update desc"))
{
    double runtime;
    if (proc.LastUpdate is { } last && proc.Start is { } start)
        runtime = (last - start).TotalSeconds;
    else if (!options.Has("--skip-unknown"))
        runtime = 1.0;
    else
        continue;

    var netconns = proc.NetconnCount ?? 0;
    // "Infinity" for a process that connected in no time at all, as cbapi avoids dividing by zero.
    var rate = runtime == 0 && netconns > 0 ? 1_000_000 : netconns / runtime;
    if (rate > connRate)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{proc.Hostname}|{proc.Username}|{proc.ProcessName}|{rate:F4}"));
}
return 0;

static int Usage(string error)
{
    Console.Error.WriteLine("error: " + error);
    return 2;
}
