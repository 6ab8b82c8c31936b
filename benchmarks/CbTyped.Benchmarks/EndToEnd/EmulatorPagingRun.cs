using System.Diagnostics;
using System.Globalization;
using CbProcess = CbTyped.Response.Process;

namespace CbTyped.Benchmarks.EndToEnd;

/// <summary>
/// Pages in flight against a server that takes its time (docs/benchmarks.md, "Pages in flight"): reads ROWS real
/// process rows (~1 KB each) from a running emulator started with <c>--latency</c>, with the generated Process model
/// (two fields read per row) and N page requests in flight, and prints wall time, this process's CPU time, the peak
/// working set and managed heap, and the load average. The emulator runs in its own process, so the figures are the
/// client's alone:
/// <code>
/// dotnet emulator/CbTyped.Emulator.Tool/bin/Release/net10.0/cbtyped-emulator.dll --port 5099 --token T --processes 100000 --latency 200ms --quiet &amp;
/// dotnet benchmarks/CbTyped.Benchmarks/bin/Release/net10.0/CbTyped.Benchmarks.dll paging-emulator http://127.0.0.1:5099 T 10000 100 4
/// </code>
/// </summary>
internal static class EmulatorPagingRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 6)
        {
            await Console.Error.WriteLineAsync("usage: paging-emulator URL TOKEN ROWS PAGE_SIZE PAGES_IN_FLIGHT");
            return 2;
        }

        var url = new Uri(args[1]);
        var token = args[2];
        var rows = long.Parse(args[3], CultureInfo.InvariantCulture);
        var pageSize = int.Parse(args[4], CultureInfo.InvariantCulture);
        var inFlight = int.Parse(args[5], CultureInfo.InvariantCulture);
        var options = new CbResponseClientOptions { AllowInsecureHttp = true, PageSize = pageSize, PagesInFlight = inFlight };
        options.Cache.Enabled = false;
        using var client = new CbResponseClient(url, token, options);
        await client.GetServerInfoAsync();

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        long peakManaged = 0;
        using var sampler = new Timer(_ => InterlockedMax(ref peakManaged, GC.GetTotalMemory(false)), null, 0, 20);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pauseBefore = GC.GetTotalPauseDuration();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long seen = 0, checksum = 0;
        await foreach (var process in client.Select<CbProcess>().Take(rows))
        {
            seen++;
            checksum += (process.ProcessName?.Length ?? 0) + (process.ProcessPid ?? 0);
        }

        clock.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        InterlockedMax(ref peakManaged, GC.GetTotalMemory(false));
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows={seen} pageSize={pageSize} pagesInFlight={inFlight} wallSeconds={clock.Elapsed.TotalSeconds:0.00} cpuSeconds={cpu.TotalSeconds:0.00} " +
            $"peakWorkingSetMiB={self.PeakWorkingSet64 / 1048576.0:0.0} peakManagedHeapMiB={peakManaged / 1048576.0:0.0} " +
            $"allocatedMiB={GC.GetTotalAllocatedBytes() / 1048576.0:0} " +
            $"gc0={GC.CollectionCount(0) - collectionsBefore[0]} gc1={GC.CollectionCount(1) - collectionsBefore[1]} gc2={GC.CollectionCount(2) - collectionsBefore[2]} " +
            $"gcPauseSeconds={(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:0.000} loadAverage={load} checksum={checksum}"));
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
