#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/new_binaries_with_netconns.py: binaries first seen since a date on one to
// three hosts (not DLLs, not signed by Microsoft, not known to SRS trust), and each process of theirs that made
// network connections, as CSV.
//   dotnet run samples/scripts/new_binaries_with_netconns.cs -- --cburl https://cb.example.com --apitoken TOKEN -d 2016-11-01 [-f FILE]
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Globalization;
using System.Text;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("New Binaries with Netconns")
    .Option("--date-to-query", "-d", help: "New since DATE, format YYYY-MM-DD")
    .Option("--output-file", "-f", help: "output file in csv format")
    .Parse(args);
if (options["--date-to-query"] is not { Length: > 0 } date)
{
    Console.Error.WriteLine("error: -d/--date-to-query DATE is required");
    return 255; // cbapi's sys.exit(-1)
}
// cbapi's script ignores the common arguments here (it connects with the default profile); the port honours them.
using var cb = ExampleClient.Connect(options);

var binaries = cb.Select<Binary>().Where("host_count:[1 TO 3] server_added_timestamp:[" + date + "T00:00:00 TO *]"
    + " -observed_filename:*.dll -digsig_publisher:Microsoft* -alliance_score_srstrust:*");
var csv = new StringBuilder(PythonCsv.Row(["FileName", "Hostname", "Username", "Network Connections", "Process Link", "Binary Link",
    "Binary MD5", "Signature Status", "Company", "Observed Date", "Host Count", "Binary TimeStamp"]));
var total = await binaries.CountAsync();
var index = 0;
await foreach (var binary in binaries)
{
    // cbapi's progress bar (on stderr).
    Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{100 * ++index / Math.Max(1, total),3}%"));
    DateTime? linkTime;
    await using (var file = await binary.OpenFileAsync())
        linkTime = await PeHeader.ReadTimeDateStampAsync(file);

    await foreach (var process in cb.Select<Process>().Where("process_md5:" + binary.Md5 + " netconn_count:[1 TO *]"))
    {
        csv.Append(PythonCsv.Row([
            process.Path, process.Hostname, process.Username, process.NetconnCount?.ToString(CultureInfo.InvariantCulture),
            process.WebUiLink?.ToString(), binary.WebUiLink?.ToString(), binary.Md5, Raw(binary, "digsig_result") ?? "UNSIGNED",
            binary.CompanyName, PythonText.Of(binary.ServerAddedTimestamp?.ToUniversalTime()), binary.HostCount?.ToString(CultureInfo.InvariantCulture),
            // pefile raises on a file that is not PE, ending cbapi's run; the port says so in the column instead.
            linkTime is { } t ? PythonText.AscTime(t) : "not a PE file"]));
    }
}
if (index > 0)
    Console.Error.WriteLine();

// Written whole or not at all.
await ExampleFile.SaveAsync(new MemoryStream(new UTF8Encoding(false).GetBytes(csv.ToString())), options["--output-file"] ?? "new_binaries_with_netconns.csv");
return 0;

// The field as the server sent it (digsig_result is the server's text, e.g. "Signed").
static string? Raw(Binary binary, string field) =>
    binary.GetRawValue(field) is { } raw && System.Text.Json.JsonDocument.Parse(raw).RootElement is { ValueKind: System.Text.Json.JsonValueKind.String } value && value.GetString() is { Length: > 0 } text
        ? text : null;
