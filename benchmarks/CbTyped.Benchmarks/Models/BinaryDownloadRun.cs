using System.Diagnostics;
using System.Globalization;
using CbTyped.Emulator;
using CbBinary = CbTyped.Response.Binary;

namespace CbTyped.Benchmarks.Models;

/// <summary>
/// End-to-end binary download (docs/benchmarks.md, "Models"): stream the <c>filedata</c> of an N-byte binary from the
/// emulator over loopback and report throughput and peak memory (working set and managed heap).
/// <c>dotnet run -c Release --project benchmarks/CbTyped.Benchmarks -- download 104857600</c>.
/// </summary>
internal static class BinaryDownloadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        long size = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 100L * 1024 * 1024;
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { LargeBinarySize = size });
        using var client = new CbResponseClient(emulator.BaseUrl, emulator.Token, new CbResponseClientOptions { AllowInsecureHttp = true });
        await client.GetServerInfoAsync();
        var binary = client.Select<CbBinary>(CbEmulator.LargeBinaryMd5);

        GC.Collect();
        long baselineManaged = GC.GetTotalMemory(true);
        long peakManaged = baselineManaged;
        using var sampler = new Timer(_ => Max(ref peakManaged, GC.GetTotalMemory(false)), null, 0, 10);
        var clock = Stopwatch.StartNew();
        long total;
        byte[] head = new byte[2];
        await using (var file = await binary.OpenFileAsync())
        {
            await file.ReadExactlyAsync(head);
            total = 2;
            byte[] buffer = new byte[81920];
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0)
            {
                total += read;
            }
        }

        clock.Stop();
        Max(ref peakManaged, GC.GetTotalMemory(false));
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bytes={total} startsWithMZ={head[0] == 'M' && head[1] == 'Z'} seconds={clock.Elapsed.TotalSeconds:0.000} " +
            $"MiBPerSecond={total / 1048576.0 / clock.Elapsed.TotalSeconds:0.0} peakWorkingSetMiB={self.PeakWorkingSet64 / 1048576.0:0.0} " +
            $"peakManagedHeapAboveBaselineMiB={(peakManaged - baselineManaged) / 1048576.0:0.0} (process includes the emulator)"));
        return total == size ? 0 : 1;
    }

    private static void Max(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
