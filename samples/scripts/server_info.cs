#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/server_info.py: prints the server's URL and its /api/info document.
//   dotnet run samples/scripts/server_info.cs -- --cburl https://cb.example.com --apitoken TOKEN
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Text.Json;
using CbTyped;
using CbTyped.Scripts;

var args_ = new ExampleArguments("Print the server's /api/info").Parse(args);
using var cb = ExampleClient.Connect(args_);
var info = await cb.GetServerInfoAsync();

Console.WriteLine(cb.Url.ToString().TrimEnd('/'));
Console.WriteLine(new string('-', 80));
foreach (var entry in info.Document.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
    Console.WriteLine($"{entry.Name,-30} : {PythonText.Of(entry.Value)}");
