#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/sensor_export.py: exports sensors as CSV, one column per field.
//   dotnet run samples/scripts/sensor_export.cs -- --cburl https://cb.example.com --apitoken TOKEN -o sensors.csv [-f FIELDS] [-q QUERY]
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Text;
using System.Text.Json;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Export CbR Sensors from your environment as CSV")
    .Option("--output", "-o", required: true, help: "The file to export to")
    .Option("--fields", "-f", help: "The fields to export")
    .Option("--query", "-q", help: "optional query to filter exported sensors")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

var fields = (options["--fields"] is { Length: > 0 } text ? text
    : "id,hostname,group_id,network_interfaces,os_environment_display_string,build_version_string,network_isolation_enabled,last_checkin_time").Split(',');
var output = options["--output"]!;

Console.WriteLine("Starting CbR Sensor Export");
var query = cb.Select<Sensor>();
if (options["--query"] is { Length: > 0 } filter)
    query = query.Where(filter);
var sensors = await query.ToListAsync();

var csv = new StringBuilder();
csv.Append(string.Join(',', fields.Select(Csv))).Append('\n');
foreach (var sensor in sensors)
    csv.Append(string.Join(',', fields.Select(f => Csv(Value(sensor, f))))).Append('\n');
// The whole file or nothing: written beside the target, then renamed into place.
await ExampleFile.SaveAsync(new MemoryStream(new UTF8Encoding(false).GetBytes(csv.ToString())), output);
Console.WriteLine($"Export finished, exported {sensors.Count} sensors to {output}");

// cbapi's getattr(sensor, field): its two computed attributes, else the document's value as Python prints it.
static string Value(Sensor sensor, string field) => field switch
{
    "hostname" => sensor.Hostname ?? "None",
    // cbapi's NetworkAdapter namedtuples, as Python prints a list of them.
    "network_interfaces" => "[" + string.Join(", ", sensor.NetworkInterfaces.Select(n => $"NetworkAdapter(macaddr='{n.MacAddress}', ipaddr='{n.IpAddress}')")) + "]",
    _ => sensor.GetRawValue(field) is { } raw ? PythonText.Of(JsonDocument.Parse(raw).RootElement) : "None",
};

// Python's csv.writer quoting (QUOTE_MINIMAL): quote a value holding a comma, a quote or a line break.
static string Csv(string value) =>
    value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
