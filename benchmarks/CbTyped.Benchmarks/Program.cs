namespace CbTyped.Benchmarks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // "paging [rows] [pageSize]": the end-to-end paging run (EndToEnd/PagingRun.cs);
        // "generator-cputime": CPU time of the generator benchmarks (Generator/GeneratorCpuTime.cs);
        // anything else: BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "paging")
            return await EndToEnd.PagingRun.RunAsync(args);
        // "paging-emulator URL TOKEN ROWS PAGE_SIZE PAGES_IN_FLIGHT": pages in flight against a slow emulator (EndToEnd/EmulatorPagingRun.cs).
        if (args.Length > 0 && args[0] == "paging-emulator")
            return await EndToEnd.EmulatorPagingRun.RunAsync(args);
        // "client-cputime URL TOKEN ROWS ROUNDS [CBTYPED]": client CPU beside curl's for the same pages (EndToEnd/ClientCpuTimeRun.cs).
        if (args.Length > 0 && args[0] == "client-cputime")
            return await EndToEnd.ClientCpuTimeRun.RunAsync(args);
        // "tls-resume URL TOKEN CONNECTIONS [ca:FILE]": new connections one after another, resumed or not (EndToEnd/TlsResumptionRun.cs).
        if (args.Length > 0 && args[0] == "tls-resume")
            return await EndToEnd.TlsResumptionRun.RunAsync(args);
        if (args.Length > 0 && args[0] == "generator-cputime")
        {
            Generator.GeneratorCpuTime.Run();
            return 0;
        }
        // "analyzer-cputime [generated]": the query analyzer's own execution time (Analyzer/AnalyzerCpuTime.cs);
        // "generated" runs the 200-model input only.
        if (args.Length > 0 && args[0] == "analyzer-cputime")
        {
            Analyzer.AnalyzerCpuTime.Run(onlyGenerated: args.Length > 1 && args[1] == "generated");
            return 0;
        }
        // "serialization-profile": a CPU-time breakdown of the generated reader/writer (Serialization/SerializationProfile.cs).
        if (args.Length > 0 && args[0] == "serialization-profile")
        {
            Serialization.SerializationProfile.Run(args);
            return 0;
        }
        // "walk [processes]" and "download [bytes]": the models' end-to-end runs (Models/).
        if (args.Length > 0 && args[0] == "walk")
            return await Models.ParentWalkRun.RunAsync(args);
        if (args.Length > 0 && args[0] == "download")
            return await Models.BinaryDownloadRun.RunAsync(args);
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
