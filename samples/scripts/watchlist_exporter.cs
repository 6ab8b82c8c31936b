#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/watchlist_exporter.py: writes watchlists to a shareable JSON file.
//   dotnet run samples/scripts/watchlist_exporter.cs -- --cburl https://cb.example.com --apitoken TOKEN -f out.json
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Export watchlists into shareable JSON format")
    .Option("--file", "-f", required: true, help: "Select what file output is written to")
    .Option("--watchlists", "-w", help: "Specific watchlist(s) to export. Can be comma separated.")
    .Flag("--selective", "-m", help: "Interactively select which watchlists to export")
    .Option("--description", "-d", help: "Description for the watchlist export file")
    .Option("--author", "-a", help: "Author for the watchlist export file")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

var wanted = options["--watchlists"]?.Split(',') ?? [];
var exported = new List<Watchlist>();
await foreach (var watchlist in cb.Select<Watchlist>())
{
    if (wanted.Length > 0 && !wanted.Contains(watchlist.Name))
        continue;
    if (options.Has("--selective") && !ExampleConfirm.Ask($"Export watchlist {watchlist.Name}? y/n: "))
        continue;
    exported.Add(watchlist);
}

// Python's json.dump(..., indent=4): four-space indents, keys in this order, no newline at the end. Characters are
// written as they are rather than \u-escaped (the file is UTF-8).
using var buffer = new MemoryStream();
await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
{
    json.WriteStartObject();
    json.WriteString("Author", options["--author"] ?? "Fill in author");
    json.WriteString("ExportDate", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    json.WriteString("ExportDescription", options["--description"] ?? "Fill in description");
    json.WriteStartArray("Watchlists");
    foreach (var watchlist in exported)
    {
        json.WriteStartObject();
        json.WriteString("Name", watchlist.Name);
        json.WriteString("URL", watchlist.SearchQuery);
        json.WriteString("Type", watchlist.GetRawValue("index_type") is { } type ? JsonDocument.Parse(type).RootElement.GetString() : null);
        json.WriteString("SearchString", watchlist.Query);
        json.WriteString("Description", "Please fill in if you intend to share this.");
        json.WriteEndObject();
    }
    json.WriteEndArray();
    json.WriteEndObject();
}
buffer.Position = 0;
// Written whole or not at all (cbapi's open(..., "w") leaves a truncated file when the dump fails).
await ExampleFile.SaveAsync(buffer, options["--file"]!);
Console.WriteLine("-> Done exporting! <-");
return 0;
