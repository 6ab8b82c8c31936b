using System.Diagnostics;

namespace CbTyped.Benchmarks.Generator;

/// <summary>
/// CPU time per operation of the generator benchmarks. On a shared, overloaded machine BenchmarkDotNet's wall-clock
/// numbers mostly measure waiting for a core; the process's CPU time is what the generator itself costs.
/// Run: dotnet run -c Release --project benchmarks/CbTyped.Benchmarks -- generator-cputime
/// </summary>
internal static class GeneratorCpuTime
{
    public static void Run()
    {
        var benchmarks = new GeneratorBenchmarks();
        benchmarks.Setup();
        Measure("ParseAndEmit200Specs", benchmarks.ParseAndEmit200Specs, 20);
        Measure("Parse200Specs", benchmarks.Parse200Specs, 20);
        Measure("OneSpecEditedIncremental", benchmarks.OneSpecEditedIncremental, 50);
    }

    private static void Measure(string name, Func<int> operation, int count)
    {
        for (int i = 0; i < 3; i++) operation(); // warm up (JIT, caches)
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        for (int i = 0; i < count; i++) operation();
        wall.Stop();
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
        double allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)count / (1024 * 1024);
        Console.WriteLine(FormattableString.Invariant($"{name,-26} cpu {cpu,8:F1} ms/op   wall {wall.Elapsed.TotalMilliseconds / count,8:F1} ms/op   allocated {allocated,7:F2} MB/op   (n={count})"));
    }
}
