#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/tf.py: term frequency analysis. For each parent process name, the child
// process names it rarely starts (at most --percentage of its children), then a CSV line per such child process with
// how many descendants it has (--count, the default) or their command lines (--cmdline).
//   dotnet run samples/scripts/tf.cs -- --cburl https://cb.example.com --apitoken TOKEN -t explorer.exe,cmd.exe [-p 2] [--cmdline]
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Globalization;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Term Frequency Analysis")
    .Option("--percentage", "-p", help: "Max Percentage of Term Frequency e.g., 2 ")
    .Option("--term", "-t", help: "Comma separated list of parent processes to get term frequency")
    .Option("--termfile", "-f", help: "Text file new line separated list of parent processes to get term frequency")
    .Flag("--count", help: "Count the child processes that match [default]")
    .Flag("--cmdline", help: "Output list of child process command lines")
    .Parse(args);
if ((options["--term"] is null) == (options["--termfile"] is null))
    return Usage(options["--term"] is null ? "one of the arguments -t/--term -f/--termfile is required" : "argument -f/--termfile: not allowed with argument -t/--term");
if (options.Has("--count") && options.Has("--cmdline"))
    return Usage("argument --cmdline: not allowed with argument --count");
if (!int.TryParse(options["--percentage"] ?? "2", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percentLess))
    return Usage($"invalid literal for int() with base 10: '{options["--percentage"]}'");
using var cb = ExampleClient.Connect(options);

var parents = (options["--termfile"] is { } termFile ? File.ReadAllLines(termFile) : options["--term"]!.Split(','))
    .Select(s => s.Trim()).ToList();
var cmdlines = options.Has("--cmdline");

var rows = new List<List<string>>();
foreach (var parent in parents)
{
    var facets = await cb.Select<Process>().Where("parent_name:" + parent).FacetsAsync(["process_name"]);
    // The server lists the most frequent term first; cbapi walks them rarest first.
    foreach (var term in (facets.TryGetValue("process_name", out var terms) ? terms : []).Reverse())
    {
        var ratio = term.Ratio ?? 0;
        if (percentLess >= (int)ratio)
            rows.AddRange(await ProcessHitAsync(parent, term.Name, term.Count, ratio));
    }
}

foreach (var row in rows)
    Console.WriteLine(string.Join(',', row));
return 0;

async Task<List<List<string>>> ProcessHitAsync(string parentName, string name, long value, double ratio)
{
    var result = new List<List<string>>();
    var query = $"parent_name:{parentName} process_name:{name}";
    await foreach (var child in cb.Select<Process>().Where(query))
    {
        var row = new List<string>
        {
            parentName, name, value.ToString(CultureInfo.InvariantCulture), PythonFloat(ratio), query,
            child.Hostname ?? "None", child.Username ?? "None", child.WebUiLink?.ToString() ?? "None", child.Cmdline ?? "None",
        };
        // cbapi's walk_children visits every descendant, depth first; an unknown child ends the walk early.
        var descendants = new List<string>();
        try
        {
            await child.WalkChildrenAsync((p, _) => descendants.Add(p.Cmdline ?? "None"));
        }
        catch (CbObjectNotFoundException)
        {
        }
        if (cmdlines)
            row.AddRange(descendants);
        else
            row.Add(descendants.Count.ToString(CultureInfo.InvariantCulture));
        result.Add(row);
    }
    return result;
}

// str() of a Python float: the shortest text that reads back, with ".0" on a whole number.
static string PythonFloat(double value)
{
    var text = value.ToString("R", CultureInfo.InvariantCulture);
    return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
}

static int Usage(string error)
{
    Console.Error.WriteLine("error: " + error);
    return 2;
}
