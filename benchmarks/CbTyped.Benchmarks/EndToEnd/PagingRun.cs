using System.Diagnostics;
using System.Globalization;
using CbProcess = CbTyped.Response.Process;

namespace CbTyped.Benchmarks.EndToEnd;

/// <summary>
/// End-to-end paging run (its numbers: the git history of docs/benchmarks.md, "Runtime paging"): iterate N process search rows over loopback with the
/// real client and the generated Process model, reading two fields per row, and report rows/s, requests made and the
/// peak working set. Run each size in its own process so the OS peak belongs to that size:
/// <c>dotnet run -c Release --project benchmarks/CbTyped.Benchmarks -- paging 100000</c>.
/// </summary>
internal static class PagingRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var pageSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        using var trace = Environment.GetEnvironmentVariable("GCTRACE") == "1" ? new GcTrace() : null;
        await using var server = await SyntheticSearchServer.StartAsync(rows);
        var options = new CbResponseClientOptions { AllowInsecureHttp = true, PageSize = pageSize };
        using var client = new CbResponseClient(server.Url, SyntheticSearchServer.Token, options);
        await client.GetServerInfoAsync();

        long peakManaged = 0;
        using var sampler = new Timer(_ => InterlockedMax(ref peakManaged, GC.GetTotalMemory(false)), null, 0, 20);
        var clock = Stopwatch.StartNew();
        long seen = 0, checksum = 0;
        await foreach (var process in client.Select<CbProcess>().PageSize(pageSize))
        {
            seen++;
            checksum += process.ProcessName!.Length + (process.ProcessPid ?? 0);
        }
        clock.Stop();
        InterlockedMax(ref peakManaged, GC.GetTotalMemory(false));

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows={seen} pageSize={pageSize} seconds={clock.Elapsed.TotalSeconds:0.000} rowsPerSecond={seen / clock.Elapsed.TotalSeconds:0} " +
            $"searchRequests={server.SearchRequests} peakWorkingSetMiB={self.PeakWorkingSet64 / 1048576.0:0.0} " +
            $"peakManagedHeapMiB={peakManaged / 1048576.0:0.0} gcs(gen0/gen1/gen2)={GC.CollectionCount(0) - GC.CollectionCount(1)}/{GC.CollectionCount(1) - GC.CollectionCount(2)}/{GC.CollectionCount(2)} allocatedMiB={GC.GetTotalAllocatedBytes() / 1048576.0:0} checksum={checksum}"));
        if (trace is not null)
        {
            foreach (var kv in trace.Large) Console.WriteLine($"LOH tick {kv.Key}: {kv.Value}");
            foreach (var kv in trace.Reasons) Console.WriteLine($"{kv.Key}: {kv.Value}");
        }
        return seen == rows ? 0 : 1;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
