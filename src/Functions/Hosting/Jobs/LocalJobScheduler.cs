using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Hosting.Jobs;

/// <summary>
/// Runs the registered jobs on their schedules when the server runs alone (no Functions host to
/// fire the timers; under the host, the worker hosting turns <c>Jobs:RunLocally</c> off). On start, a job whose latest occurrence is newer than its checkpoint was
/// missed while the server was down and runs once at once, marked past due, as the Functions timer
/// would. A job seen for the first time gets a checkpoint of "now" so a later outage is noticed.
/// </summary>
public sealed class LocalJobScheduler(
    JobCatalog catalog,
    JobRunner runner,
    JobCheckpoints checkpoints,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<LocalJobScheduler> logger) : BackgroundService
{
    // Task.Delay cannot wait longer than about 49 days; a yearly job waits in steps.
    static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunLocally || catalog.Entries.Count == 0)
        {
            return;
        }

        logger.LogInformation("Running {Count} job(s) on their schedules: {Jobs}.",
            catalog.Entries.Count, string.Join(", ", catalog.Entries.Select(e => $"{e.Name} ({e.Schedule})")));
        await Task.WhenAll(catalog.Entries.Select(entry => RunOnScheduleAsync(entry, stoppingToken)));
    }

    async Task RunOnScheduleAsync(JobEntry entry, CancellationToken stoppingToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            var last = await checkpoints.LastCompletedAsync(entry.Name, stoppingToken);
            if (last is null)
            {
                await checkpoints.RecordAsync(entry.Name, now, stoppingToken);
            }
            else if (entry.Schedule.MissedSince(last, now) is { } missed)
            {
                await runner.RunAsync(entry.Name, new JobRun(missed, IsPastDue: true, JobSource.LocalScheduler), stoppingToken);
            }

            var after = clock.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested && entry.Schedule.NextAfter(after) is { } next)
            {
                await WaitUntilAsync(next, stoppingToken);
                await runner.RunAsync(entry.Name, new JobRun(next, IsPastDue: false, JobSource.LocalScheduler), stoppingToken);
                after = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // A broken checkpoint folder stops this job's schedule, not the server or the other jobs.
            logger.LogError(error, "The schedule of job {Job} stopped.", entry.Name);
        }
    }

    async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        for (var remaining = due - clock.GetUtcNow(); remaining > TimeSpan.Zero; remaining = due - clock.GetUtcNow())
        {
            await Task.Delay(remaining < LongestWait ? remaining : LongestWait, clock, stoppingToken);
        }
    }
}
