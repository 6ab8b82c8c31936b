#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/binary_export.py: writes the MD5 of every binary the server has, one a line.
//   dotnet run samples/scripts/binary_export.cs -- --cburl https://cb.example.com --apitoken TOKEN --filename md5s.txt
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Text;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Option("--filename", required: true, help: "filename for md5 list")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

// Gathered first and written whole: cbapi writes as it pages, leaving a partial list when a page fails.
var md5s = new StringBuilder();
await foreach (var binary in cb.Select<Binary>())
    md5s.Append(binary.Md5).Append('\n');
using var text = new MemoryStream(Encoding.UTF8.GetBytes(md5s.ToString()));
await ExampleFile.SaveAsync(text, options["--filename"]!);
return 0;
