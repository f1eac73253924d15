namespace HealthFuncs.Functions.Hosting.Jobs;

/// <summary>
/// A job that runs on a schedule: under Azure Functions as a timer function, running alone on the
/// server's own scheduler, or on demand from the command line. Register with
/// <c>services.AddScheduledJob&lt;T&gt;()</c>; each run gets its own DI scope.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable name (letters, digits, '-' or '_'); the timer function and the command line use it.</summary>
    string Name { get; }

    /// <summary>Six-field NCRONTAB (second minute hour day month day-of-week), evaluated in UTC.</summary>
    string Schedule { get; }

    Task<JobResult> RunAsync(JobRun run, CancellationToken cancellationToken);
}

/// <summary>Who started a run.</summary>
public enum JobSource
{
    HostTimer,
    LocalScheduler,
    CommandLine,
}

/// <summary>
/// One run of a job: the occurrence it stands for (UTC), whether that occurrence was missed and is
/// being caught up, and who started it. Jobs key their output by <see cref="ScheduledAt"/> so a
/// repeated run of the same occurrence does the same work, not twice the work.
/// </summary>
public sealed record JobRun(DateTimeOffset ScheduledAt, bool IsPastDue, JobSource Source);

/// <summary>What a run did.</summary>
public enum JobOutcome
{
    /// <summary>The job did its work.</summary>
    Completed,

    /// <summary>Nothing to do for this occurrence (already done, or not applicable yet).</summary>
    Skipped,
}

/// <summary>
/// The result of a run, returned to the Functions host as the invocation's ReturnValue.
/// A failed run throws instead, so the host records the invocation as failed.
/// </summary>
public sealed record JobResult(JobOutcome Outcome, string Summary)
{
    public static JobResult Completed(string summary) => new(JobOutcome.Completed, summary);

    public static JobResult Skipped(string reason) => new(JobOutcome.Skipped, reason);
}
