#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/ban_hash.py: adds an MD5 hash to the banned hash list.
//   dotnet run samples/scripts/ban_hash.cs -- --cburl https://cb.example.com --apitoken TOKEN -H MD5 [-d TEXT]
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Add an MD5 hash to the banned hash list in Cb Response")
    .Option("--hash", "-H", required: true, help: "MD5 hash of the file to ban in Cb Response")
    .Option("--description", "-d", help: "Description of why the hash is banned")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

var hash = options["--hash"]!;
var ban = cb.Create<BannedHash>();
ban.Md5hash = hash;
ban.Text = options["--description"] ?? "Banned via ban_hash.py example script";
ban.Enabled = true;
try
{
    await cb.SaveAsync(ban);
    Console.WriteLine($"Hash {hash} successfully banned");
}
catch (CbApiException e)
{
    // cbapi prints the error and exits 0; a script's caller should see the failure, so this exits 1.
    Console.WriteLine($"Error banning hash {hash}: {e.Message}");
    return 1;
}
return 0;
