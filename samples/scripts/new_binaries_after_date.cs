#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/new_binaries_after_date.py: every file a process wrote since a date whose
// binary the server has, as CSV (link, signature, company, first seen, host count, PE link time, times executed).
//   dotnet run samples/scripts/new_binaries_after_date.cs -- --cburl https://cb.example.com --apitoken TOKEN -d 2016-11-01 [-f FILE]
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Globalization;
using System.Text;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("System Check After Specified Date")
    .Option("--date-to-query", "-d", help: "New since DATE, format YYYY-MM-DD")
    .Option("--output-file", "-f", help: "output file in csv format")
    .Parse(args);
if (options["--date-to-query"] is not { Length: > 0 } date)
{
    Console.Error.WriteLine("error: -d/--date-to-query DATE is required");
    return 255; // cbapi's sys.exit(-1)
}
using var cb = ExampleClient.Connect(options);

Console.WriteLine("Performing Query...");
// The written files' MD5s, each once, in the order first seen.
var md5s = new List<string>();
var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
await foreach (var proc in cb.Select<Process>().Where("filewrite_md5:* last_update:[" + date + "T00:00:00 TO *]"))
{
    foreach (var fm in await proc.GetFileModsAsync())
    {
        if (!string.IsNullOrEmpty(fm.Md5) && seen.Add(fm.Md5))
            md5s.Add(fm.Md5);
    }
}

var csv = new StringBuilder(PythonCsv.Row(["Binary MD5", "Binary Link", "Signature Status", "Company", "Observed Date", "Host Count", "Binary TimeStamp", "Number of Executions"]));
for (var i = 0; i < md5s.Count; i++)
{
    // cbapi's progress bar (on stderr).
    Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{100 * (i + 1) / md5s.Count,3}%"));
    Binary binary;
    DateTime? linkTime;
    try
    {
        binary = await cb.GetAsync<Binary>(md5s[i]);
        await using var file = await binary.OpenFileAsync();
        linkTime = await PeHeader.ReadTimeDateStampAsync(file);
    }
    catch (CbObjectNotFoundException)
    {
        continue; // a file the server never collected
    }
    var executions = await cb.Select<Process>().Where("process_md5:" + binary.Md5).CountAsync();
    csv.Append(PythonCsv.Row([
        binary.Md5, binary.WebUiLink?.ToString(), Raw(binary, "digsig_result") ?? "UNSIGNED", binary.CompanyName,
        PythonText.Of(binary.ServerAddedTimestamp?.ToUniversalTime()), binary.HostCount?.ToString(CultureInfo.InvariantCulture),
        // pefile raises on a file that is not PE, ending cbapi's run; the port says so in the column instead.
        linkTime is { } t ? PythonText.AscTime(t) : "not a PE file", executions.ToString(CultureInfo.InvariantCulture)]));
}
if (md5s.Count > 0)
    Console.Error.WriteLine();

// Written whole or not at all.
await ExampleFile.SaveAsync(new MemoryStream(new UTF8Encoding(false).GetBytes(csv.ToString())), options["--output-file"] ?? "new_binaries_after_date.csv");
return 0;

// The field as the server sent it (digsig_result is the server's text, e.g. "Signed").
static string? Raw(Binary binary, string field) =>
    binary.GetRawValue(field) is { } raw && System.Text.Json.JsonDocument.Parse(raw).RootElement is { ValueKind: System.Text.Json.JsonValueKind.String } value && value.GetString() is { Length: > 0 } text
        ? text : null;
