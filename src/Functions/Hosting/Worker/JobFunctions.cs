using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace HealthFuncs.Functions.Hosting.Worker;

/// <summary>
/// The scheduled jobs as timer functions, on the same UTC schedules the jobs declare (the worker
/// reads a schedule from its attribute, so each job keeps it as a constant). A failed run throws,
/// so the host records the invocation as failed.
/// </summary>
public sealed class JobFunctions(HostTimerRuns runs)
{
    [Function("job_year_end_summary")]
    public Task YearEndSummaryAsync([TimerTrigger(YearEndSummary.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        runs.RunAsync(YearEndSummary.JobName, timer.IsPastDue, cancellationToken);

    [Function("job_completeness_reminder")]
    public Task CompletenessReminderAsync([TimerTrigger(CompletenessReminder.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        runs.RunAsync(CompletenessReminder.JobName, timer.IsPastDue, cancellationToken);

    [Function("job_nightly_snapshot")]
    public Task NightlySnapshotAsync([TimerTrigger(NightlySnapshot.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        runs.RunAsync(NightlySnapshot.JobName, timer.IsPastDue, cancellationToken);
}

/// <summary>
/// One run fired by the host's timer. The occurrence is the schedule's latest by the server's own
/// clock (the host fires at the occurrence, give or take a moment), so the job keys its output as
/// it would for the local scheduler or the command line.
/// </summary>
public sealed class HostTimerRuns(JobRunner runner, JobCatalog catalog, TimeProvider clock)
{
    static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public async Task<JobRunReport> RunAsync(string jobName, bool isPastDue, CancellationToken cancellationToken)
    {
        var entry = catalog.Find(jobName) ?? throw new InvalidOperationException($"The timer names job '{jobName}', which is not registered.");
        var now = clock.GetUtcNow();
        var scheduledAt = entry.Schedule.LatestAtOrBefore(now + ClockSkew) ?? now;
        var report = await runner.RunAsync(entry.Name, new JobRun(scheduledAt.ToUniversalTime(), isPastDue, JobSource.HostTimer), cancellationToken);
        return report.Succeeded
            ? report
            : throw new InvalidOperationException($"Job {entry.Name} failed for {scheduledAt:O}: {report.Error!.Message}", report.Error);
    }
}
