using System.Runtime.InteropServices;

namespace CbTyped.Benchmarks.Serialization;

/// <summary>
/// The calling thread's CPU time, <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> (the scheduler's exact run time, in
/// nanoseconds; <c>getrusage</c>'s tick-sampled figure lags over short intervals). Unlike the process's
/// <see cref="System.Diagnostics.Process.TotalProcessorTime"/> it leaves out the runtime's background threads (tiered
/// JIT compiling, the finalizer), so a case is charged only for what its own loop ran.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    /// <summary>Linux's <c>struct timespec</c> (64-bit).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
