using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using CbTyped.Benchmarks.Serialization.Models;
using CbTyped.Modeling;
using CbTyped.Modeling.Json;

namespace CbTyped.Benchmarks.Serialization;

/// <summary>
/// "serialization-profile": the cases of <see cref="ProcessPageReadBenchmarks"/> and <see cref="SensorWriteBenchmarks"/>
/// (plus "page read only", the structural pass without any property read) timed as process CPU time per operation,
/// best of five rounds. On the shared, overloaded machine BenchmarkDotNet's wall-clock means swing by 2–5× between
/// cases; CPU time is what an operation costs when it has a core. "loop" mode runs one case for <c>perf record</c>.
/// </summary>
internal static class SerializationProfile
{
    /// <param name="args">Optionally "loop &lt;case&gt; &lt;count&gt;": run one case count times (for <c>perf record</c>).</param>
    public static void Run(string[] args)
    {
        var read = new ProcessPageReadBenchmarks();
        read.Setup();
        var write = new SensorWriteBenchmarks();
        write.Setup();
        byte[] page = BenchmarkData.ProcessSearchPage(100);
        if (args.Length >= 4 && args[1] == "loop")
        {
            Func<long> action = args[2] switch
            {
                "read" => () => CbSearchPageReader.Read<BenchProcess>(page).Values.Count,
                "three" => () => read.ThreeFieldsGenerated(),
                "all" => () => read.AllFieldsGenerated(),
                "write" => () => write.WriteGenerated(),
                _ => throw new ArgumentException("case: read, three, all or write"),
            };
            // A fixed count, so `perf stat -e instructions` of two counts gives instructions per operation
            // independent of the machine's load.
            long sink = 0;
            int count = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i < count; i++)
            {
                sink += action();
            }

            Console.WriteLine(sink);
            return;
        }

        Measure("floor: Utf8JsonReader token pass", () => read.FloorTokenPass());
        Measure("page read only (rows indexed/sliced)", () => CbSearchPageReader.Read<BenchProcess>(page).Values.Count);
        Measure("page read + 3 fields", () => read.ThreeFieldsGenerated());
        Measure("page read + all fields", () => read.AllFieldsGenerated());
        Measure("STJ reflection, all fields", () => read.AllFieldsStjReflection());
        Measure("STJ source-gen, all fields", () => read.AllFieldsStjSourceGenerated());
        Measure("STJ reflection, 3 fields", () => read.ThreeFieldsStjReflection());
        Measure("STJ source-gen, 3-field POCO", () => read.ThreeFieldsStjThreeFieldPoco());
        Measure("PUT body: STJ reflection", () => write.WriteStjReflection());
        Measure("PUT body: STJ source-gen", () => write.WriteStjSourceGenerated());
        Measure("PUT body: generated", () => write.WriteGenerated());
        write.Cleanup();
    }

    // CPU time of the process per operation (best of five rounds of ~0.3 s): on a shared, loaded machine this is
    // much steadier than wall time, which counts the time the thread waited for a core.
    private static void Measure(string name, Func<long> action)
    {
        long sink = 0;
        var clock = Stopwatch.StartNew();
        int perRound = 0;
        while (clock.ElapsedMilliseconds < 100)
        {
            sink += action();
            perRound++;
        }

        perRound *= 3;
        double best = double.MaxValue;
        long bytes = 0;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (int r = 0; r < 5; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            TimeSpan cpu = process.TotalProcessorTime;
            for (int i = 0; i < perRound; i++)
            {
                sink += action();
            }

            process.Refresh();
            double us = (process.TotalProcessorTime - cpu).TotalMicroseconds / perRound;
            bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / perRound;
            best = Math.Min(best, us);
        }

        Console.WriteLine($"{name,-45} {best,10:F2} us CPU  {bytes,8} B   (sink {sink % 10})");
    }
}
