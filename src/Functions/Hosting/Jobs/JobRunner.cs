namespace HealthFuncs.Functions.Hosting.Jobs;

/// <summary>What one run came to, with the lines it logged.</summary>
public sealed record JobRunReport(string JobName, JobRun Run, JobResult? Result, Exception? Error, IReadOnlyList<string> Logs)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Runs one job by name in its own DI scope, the same way for every source (host timer, local
/// scheduler, command line): logs start and end, turns a failure into a report instead of a crash,
/// and records the completed occurrence for the local scheduler's catch-up.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobCatalog catalog, JobCheckpoints checkpoints, ILogger<JobRunner> logger)
{
    public async Task<JobRunReport> RunAsync(string jobName, JobRun run, CancellationToken cancellationToken = default)
    {
        var entry = catalog.Find(jobName)
            ?? throw new ArgumentException($"No job is named '{jobName}'. Known jobs: {string.Join(", ", catalog.Entries.Select(e => e.Name))}.", nameof(jobName));

        using var capture = InvocationLogs.Begin();
        logger.LogInformation("Job {Job} started for {ScheduledAt:yyyy-MM-ddTHH:mm:ssZ} from {Source}{PastDue}.",
            entry.Name, run.ScheduledAt.UtcDateTime, run.Source, run.IsPastDue ? " (past due)" : "");
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IScheduledJob>()
                .First(j => string.Equals(j.Name, entry.Name, StringComparison.OrdinalIgnoreCase));
            var result = await job.RunAsync(run, cancellationToken);
            // Under the Functions host the timer keeps its own schedule status in storage.
            if (run.Source != JobSource.HostTimer)
            {
                await checkpoints.RecordAsync(entry.Name, run.ScheduledAt, cancellationToken);
            }

            logger.LogInformation("Job {Job} {Outcome}: {Summary}", entry.Name, result.Outcome, result.Summary);
            return new JobRunReport(entry.Name, run, result, null, capture.Lines);
        }
        catch (Exception error) when (!(error is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogError(error, "Job {Job} failed.", entry.Name);
            return new JobRunReport(entry.Name, run, null, error, capture.Lines);
        }
    }
}
