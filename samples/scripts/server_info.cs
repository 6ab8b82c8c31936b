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
    Console.WriteLine($"{entry.Name,-30} : {PythonText(entry.Value)}");

// The value as Python's print shows it, so the output matches cbapi's line for line.
static string PythonText(JsonElement value) => value.ValueKind switch
{
    JsonValueKind.String => value.GetString()!,
    JsonValueKind.True => "True",
    JsonValueKind.False => "False",
    JsonValueKind.Null => "None",
    JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(PythonRepr)) + "]",
    JsonValueKind.Object => "{" + string.Join(", ", value.EnumerateObject().Select(p => $"'{p.Name}': {PythonRepr(p.Value)}")) + "}",
    _ => value.GetRawText(),
};

static string PythonRepr(JsonElement value) =>
    value.ValueKind == JsonValueKind.String ? "'" + value.GetString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'" : PythonText(value);
