#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/user_hostname_pairs.py: for every host that ran explorer.exe, who logged
// in there and how often (one explorer.exe per logon), busiest user first.
//   dotnet run samples/scripts/user_hostname_pairs.cs -- --cburl https://cb.example.com --apitoken TOKEN
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script").Parse(args);
using var cb = ExampleClient.Connect(options);

// Hosts in the order first seen, as the Python dict keeps them; user names counted case-insensitively (lower-cased).
var hosts = new List<string>();
var logons = new Dictionary<string, List<(string User, int Count)>>(StringComparer.Ordinal);
await foreach (var proc in cb.Select<Process>().Where("process_name:explorer.exe"))
{
    var host = proc.Hostname ?? "";
    if (!logons.TryGetValue(host, out var users))
    {
        hosts.Add(host);
        logons[host] = users = [];
    }
    var user = (proc.Username ?? "").ToLowerInvariant();
    var index = users.FindIndex(u => u.User == user);
    if (index < 0)
        users.Add((user, 1));
    else
        users[index] = (user, users[index].Count + 1);
}

foreach (var host in hosts)
{
    Console.WriteLine($"For host {host}:");
    // Python's sorted() is stable: equal counts keep the order the users were first seen in.
    foreach (var (user, count) in logons[host].OrderByDescending(u => u.Count))
        Console.WriteLine($"  {user,-20}: logged in {count} times");
}
