using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CbTyped.Benchmarks.EndToEnd;

/// <summary>
/// Runs a child process to the end and returns its wall and CPU time (user + system, from <c>getrusage</c>'s
/// RUSAGE_CHILDREN difference): .NET's <see cref="Process.TotalProcessorTime"/> cannot be read once a child has exited
/// on Linux, and the C library's figure is exactly what the kernel accounted to the reaped child.
/// </summary>
internal static partial class ChildCpuTime
{
    public static (TimeSpan Wall, TimeSpan Cpu, int ExitCode) Run(string fileName, IEnumerable<string> arguments, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        var before = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        // Drained, never kept: the cases write their rows or bodies to standard output only so that they are produced.
        var drainOutput = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        drainOutput.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
            Console.Error.WriteLine($"{fileName} exited {process.ExitCode}: {error.GetAwaiter().GetResult()}");
        return (clock.Elapsed, ChildrenCpu() - before, process.ExitCode);
    }

    private static TimeSpan ChildrenCpu()
    {
        if (GetRusage(RusageChildren, out var usage) != 0)
            throw new InvalidOperationException("getrusage failed");
        return TimeSpan.FromMicroseconds(usage.UserSeconds * 1_000_000 + usage.UserMicroseconds + usage.SystemSeconds * 1_000_000 + usage.SystemMicroseconds);
    }

    private const int RusageChildren = -1;

    /// <summary>The start of Linux's <c>struct rusage</c> (two <c>struct timeval</c>s), padded to its full size.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        // The 14 longs that follow (maxrss, ...): not read, only room for the kernel to write them.
        private unsafe fixed long _rest[14];
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);
}
