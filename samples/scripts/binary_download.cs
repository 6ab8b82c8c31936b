#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/binary_download.py: saves a binary the server collected.
//   dotnet run samples/scripts/binary_download.cs -- --cburl https://cb.example.com --apitoken TOKEN --md5 MD5 --filename FILE
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Option("--md5", required: true, help: "binary query")
    .Option("--filename", required: true, help: "local filename to save the binary as")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

var md5 = options["--md5"]!;
var binary = cb.Select<Binary>(md5);
// Streamed to the file (cbapi reads it all into memory first); a failed download leaves no partial file.
try
{
    await using var data = await binary.OpenFileAsync();
    var length = await ExampleFile.SaveAsync(data, options["--filename"]!);
    Console.WriteLine($"-> Downloaded binary {md5} [{length} bytes]");
    return 0;
}
catch (CbApiException e)
{
    // cbapi's script stops with a traceback here; this says what failed and writes nothing.
    Console.WriteLine($"** Could not download binary {md5}: {e.Message}");
    return 1;
}
