using System.Diagnostics;
using System.Globalization;

namespace HealthFuncs.Benchmarks.SideBySide;

/// <summary>One measured run: its time and the bytes it allocated in this process.</summary>
public readonly record struct Sample(double Milliseconds, long AllocatedBytes);

/// <summary>Medians of runs taken in turn (A, B, C, A, B, C, …), so a slow spell of the shared machine falls on every contender alike.</summary>
public static class Measure
{
    public static async Task<Sample> OnceAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await work();
        watch.Stop();
        return new Sample(watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>Runs every contender <paramref name="rounds"/> times, interleaved, after one warm-up round; the median of each.</summary>
    public static async Task<Sample[]> InterleavedAsync(int rounds, params Func<Task>[] contenders)
    {
        foreach (var contender in contenders) await contender();
        var samples = contenders.Select(_ => new List<Sample>()).ToArray();
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < contenders.Length; i++)
                samples[i].Add(await OnceAsync(contenders[i]));
        return [.. samples.Select(Median)];
    }

    public static Sample Median(IReadOnlyList<Sample> samples)
    {
        var times = samples.Select(s => s.Milliseconds).Order().ToList();
        var bytes = samples.Select(s => s.AllocatedBytes).Order().ToList();
        return new Sample(times[times.Count / 2], bytes[bytes.Count / 2]);
    }

    public static string Ms(double milliseconds) => $"{milliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
    public static string Mb(long bytes) => $"{(bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture)} MB";
    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);
    public static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>One line of the comparison, in the form the issue tracker and docs/performance.md use; <see cref="Met"/> is null
/// on a row that shows where time goes rather than a goal.</summary>
public sealed record Row(string Work, string Project, string Peer, double Ratio, string Goal, bool? Met)
{
    public override string ToString() =>
        $"{Work}: project {Project}, peer {Peer}, ratio {Measure.Ratio(Ratio)}, goal {Goal}, met {Met switch { true => "yes", false => "no", null => "-" }}";
}
