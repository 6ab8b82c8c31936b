namespace CbTyped.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        // CPU-time view of the generator benchmarks (see Generator/GeneratorCpuTime.cs); everything else is BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "generator-cputime")
        {
            Generator.GeneratorCpuTime.Run();
            return;
        }
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
