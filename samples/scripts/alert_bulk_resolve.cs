#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/alert_bulk_resolve.py: resolves every unresolved alert matching a query.
//   dotnet run samples/scripts/alert_bulk_resolve.cs -- --cburl https://cb.example.com --apitoken TOKEN --query "watchlist_name:USB*"
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Option("--query", help: "The query string of alerts to resolve. All matching alerts will be resolved.")
    .Option("--wait", help: "Most seconds to wait for the changes to show in alert searches (default 25)")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

var query = cb.Select<Alert>().Where(("-status:Resolved " + (options["--query"] ?? "")).TrimEnd());
// The matching alerts are read first: resolving them while paging the same query would shift its pages.
var alerts = await query.ToListAsync();
var resolved = 0;
foreach (var alert in alerts)
{
    try
    {
        await alert.ResolveAsync();
        resolved++;
        Console.WriteLine($"Resolved {alert.UniqueId}");
    }
    catch (CbApiException e)
    {
        Console.WriteLine($"Error resolving {alert.UniqueId}: {e.Message}");
    }
}

if (resolved == 0)
{
    Console.WriteLine("Congratulations! You have no unresolved alerts!");
    return 0;
}
Console.WriteLine("Waiting for alert changes to take effect...");
// cbapi sleeps 25 seconds for the server's search index to catch up. This polls the same search each second instead
// and stops as soon as none of the resolved alerts is still unresolved, waiting at most --wait seconds.
var wait = TimeSpan.FromSeconds(double.TryParse(options["--wait"], System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 25);
var resolvedIds = alerts.Select(a => a.UniqueId).ToHashSet();
var waited = System.Diagnostics.Stopwatch.StartNew();
while ((await query.ToListAsync()).Any(a => resolvedIds.Contains(a.UniqueId)) && waited.Elapsed < wait)
    await Task.Delay(TimeSpan.FromSeconds(1));
Console.WriteLine($"Complete. Resolved {resolved} alerts.");
return 0;
