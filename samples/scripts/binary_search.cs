#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/binary_search.py: prints the details of every binary a query matches.
//   dotnet run samples/scripts/binary_search.cs -- --cburl https://cb.example.com --apitoken TOKEN --query "digsig_result:Unsigned"
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script").Option("--query", help: "binary query").Parse(args);
using var cb = ExampleClient.Connect(options);

await foreach (var binary in cb.Select<Binary>().Where(options["--query"] ?? ""))
{
    Console.WriteLine(binary.Md5);
    Console.WriteLine(new string('-', 80));
    Line("Size (bytes)", binary.OrigModLen?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    Line("Signature Status", PythonText.Of(binary.IsSigned));
    Line("Publisher", binary.DigsigPublisher);
    Line("Product Version", binary.ProductVersion);
    Line("File Version", binary.FileVersion);
    Line("64-bit (x64)", PythonText.Of(binary.Is64Bit));
    Line("EXE", PythonText.Of(binary.IsExecutableImage));
    foreach (var path in binary.ObservedFilename ?? [])
        Line("On-Disk Filename", path.Split('\\')[^1]);
    Console.Write("\n\n");
}

static void Line(string label, string? value) => Console.WriteLine($"{label,-20} : {value ?? "None"}");
