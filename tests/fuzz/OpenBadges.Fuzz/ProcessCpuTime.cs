using System.Runtime.InteropServices;

namespace OpenBadges.Fuzz;

/// <summary>
/// The CPU time this process has used, all threads (Linux: clock_gettime(CLOCK_PROCESS_CPUTIME_ID)); null elsewhere.
/// All threads, because an input's work may run on the thread pool; the runtime's own threads (JIT, GC) add little.
/// </summary>
internal static class ProcessCpuTime
{
    private const int ClockProcessCpuTimeId = 2;

    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    public static TimeSpan? Now() => Available && clock_gettime(ClockProcessCpuTimeId, out var now) == 0 ? Convert(now) : null;

    private static bool Probe()
    {
        try
        {
            return clock_gettime(ClockProcessCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static TimeSpan Convert(Timespec time) => TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out Timespec time);
}
