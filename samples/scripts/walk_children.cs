#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/walk_children.py: prints a process's descendants, indented by depth.
//   dotnet run samples/scripts/walk_children.cs -- --cburl https://cb.example.com --apitoken TOKEN -p GUID
//   dotnet run samples/scripts/walk_children.cs -- --cburl https://cb.example.com --apitoken TOKEN -q "process_name:services.exe"
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Walk the children of a given process")
    .Option("--process", "-p", help: "process GUID to walk")
    .Option("--query", "-q", help: "walk the children of all processes matching this query")
    .Parse(args);
if (options["--process"] is not null && options["--query"] is not null)
{
    Console.Error.WriteLine("error: argument --query/-q: not allowed with argument --process/-p");
    return 2;
}
using var cb = ExampleClient.Connect(options);

var roots = new List<Process>();
if (options["--process"] is { Length: > 0 } guid)
{
    try
    {
        // cbapi takes a bare GUID and reads the server's default segment; the SDK's key names the segment.
        var key = guid.Contains('/', StringComparison.Ordinal) ? guid : Process.KeyFor(guid, (await cb.GetServerInfoAsync()).DefaultProcessSegment);
        roots.Add(await cb.GetAsync<Process>(key));
    }
    catch (CbObjectNotFoundException)
    {
        // cbapi meant to print the GUID here (its script names a misspelled variable and crashes instead).
        Console.WriteLine($"Could not find process {guid}");
        return 1;
    }
    catch (CbApiException e)
    {
        Console.WriteLine($"Encountered error retrieving process: {e.Message}");
        return 1;
    }
}
else if (options["--query"] is { } query)
{
    await foreach (var proc in cb.Select<Process>().Where(query))
        roots.Add(proc);
}
else
{
    Console.WriteLine("Requires either a --process or --query argument");
    return 2;
}

foreach (var root in roots)
{
    Console.WriteLine($"Process {root.Path} on {root.Hostname} executed by {root.Username} children:");
    // The SDK's depth is 0 for a child; cbapi's visitor indents by (its depth - 1) with children at depth 1.
    await root.WalkChildrenAsync((proc, depth) => Console.WriteLine($"{new string(' ', 2 * depth)}{PythonText.Of(proc.Start)}: {proc.Cmdline}"));
    Console.WriteLine();
}
return 0;
