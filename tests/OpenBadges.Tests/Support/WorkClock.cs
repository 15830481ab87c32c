using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenBadges.Tests.Support;

/// <summary>
/// Measures the work a synchronous call does on the calling thread: its CPU time where the OS reports it per thread
/// (Linux), so the safety bounds of the hostile-input tests judge the library's work, not how busy the machine running
/// the suite is (under a load of 70 on two cores a 0.1 s refusal took seconds of wall-clock time). Elsewhere it is the
/// wall clock. <see cref="Wall"/> stays available for a second, looser bound that catches a call that blocks.
/// </summary>
internal readonly struct WorkClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    private readonly TimeSpan _cpuAtStart;
    private readonly long _wallAtStart;

    private WorkClock(TimeSpan cpu, long wall)
    {
        _cpuAtStart = cpu;
        _wallAtStart = wall;
    }

    public static bool MeasuresCpu { get; } = OperatingSystem.IsLinux() && TryThreadCpu(out _);

    public static WorkClock Start() => new(MeasuresCpu && TryThreadCpu(out var cpu) ? cpu : TimeSpan.Zero, Stopwatch.GetTimestamp());

    /// <summary>CPU time of this thread since <see cref="Start"/> (wall-clock time where that is not available).</summary>
    public TimeSpan Work => MeasuresCpu && TryThreadCpu(out var now) ? now - _cpuAtStart : Wall;

    public TimeSpan Wall => Stopwatch.GetElapsedTime(_wallAtStart);

    public override string ToString() => MeasuresCpu ? $"{Work} CPU ({Wall} wall)" : $"{Wall}";

    private static bool TryThreadCpu(out TimeSpan cpu)
    {
        cpu = default;
        try
        {
            if (clock_gettime(ClockThreadCpuTime, out var spec) != 0)
            {
                return false;
            }

            cpu = TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
